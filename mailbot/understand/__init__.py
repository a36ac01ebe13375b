"""From a parsed mail to what it means for the networks: which network, which kinds,
which people, meetings and protocol, and whether mailbot is sure. Pure functions."""
