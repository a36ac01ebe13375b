"""The registry: what is known of each network's members, meetings, protocols and
reports, built from the applied mail, and the rules engine that judges it."""
