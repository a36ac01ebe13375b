"""mailbot: the shared-mailbox daemon of Utbildning Skaraborg's professional networks."""

__version__ = "0.1.0"
