"""Exceptions that cross module boundaries, each with a message meant for an operator."""


class MailbotError(Exception):
    """Base class: the message is shown to the operator as is (never contains secrets)."""


class ConfigError(MailbotError):
    """The configuration is missing something or contradicts itself."""


class AuthError(MailbotError):
    """Login or token acquisition failed; retrying at once will not help."""


class SourceError(MailbotError):
    """A mailbox source failed in a way that a later retry may fix (network, server down)."""


class TransientAuthError(AuthError):
    """The login service could not be reached or is temporarily failing.

    Still an AuthError (callers that only care about "no token" catch that), but unlike
    other AuthErrors a later retry may well succeed, so the caller backs off and tries
    again instead of alerting the operator about their configuration. Lives here, not in
    mailbot.oauth, so catching it does not import msal.
    """
