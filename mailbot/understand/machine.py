"""Mail written by machines: auto-replies, bounces, receipts, calendar answers,
newsletters, spam.

mailbot never answers these and never stores anything from them. Each check returns
a short reason word for `ignored_reason` and a sentence for people.
"""

from __future__ import annotations

import re

from mailbot.parse.mime import ParsedMail

_AUTO_SUBJECT = re.compile(
    r"^\s*(?:frånvaromeddelande|automatiskt svar|autosvar|automatisk svar|autoreply|"
    r"auto-reply|automatic reply|out of (?:the )?office|abwesenheitsnotiz|"
    r"fraværsmelding|automatisk besked|ikke til stede|poissaolo|réponse automatique)\b",
    re.IGNORECASE,
)
_AUTO_BODY = re.compile(
    r"\b(?:jag är (?:tjänst)?ledig|jag är på semester|jag är bortrest|jag är föräldraledig|"
    r"jag har semester|åter (?:i tjänst|på kontoret)|tillbaka (?:på kontoret|i tjänst)|"
    r"läser inte (?:min )?(?:e-?post|mejl|mail)|i'm out of the office|i am out of the office)",
    re.IGNORECASE,
)
_BOUNCE_SUBJECT = re.compile(
    r"^\s*(?:undeliverable|undelivered mail|delivery status notification|"
    r"mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|"
    r"olevererbart|kunde inte levereras|leveransfel|delivery has failed|"
    r"warning: could not send|delayed mail|message not delivered|nondeliverable)",
    re.IGNORECASE,
)
# Answers to a calendar invitation (mailbot's meeting reminders carry one): Outlook and
# Gmail write the answer in the subject, in the reader's language.
_CALENDAR_REPLY = re.compile(
    r"^\s*(?:accepterat|accepterad|godkänt|preliminärt|preliminärt accepterat|avböjt|"
    r"tackat nej|accepted|tentative|tentatively accepted|declined|"
    r"invitation (?:accepted|declined)|inbjudan (?:accepterad|avböjd))\s*:",
    re.IGNORECASE,
)
_BOUNCE_SENDER = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|bounce[s]?)@", re.I)
_SPAM_SUBJECT = re.compile(r"^\s*[\[(*]{1,2}\s*(?:spam|skräppost|junk)\s*[\])*]{1,2}", re.I)
_GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"


def _h(mail: ParsedMail, name: str) -> str:
    return (mail.header(name) or "").strip().lower()


def machine_reason(mail: ParsedMail) -> tuple[str, str] | None:
    """(ignored_reason, explanation) for machine-written mail, else None."""
    ctype_header = _h(mail, "content-type")
    if mail.content_type == "multipart/report" or "multipart/report" in ctype_header:
        if "disposition-notification" in ctype_header:
            return "receipt", "a read or delivery receipt (multipart/report)"
        if "feedback-report" in ctype_header:
            return "bounce", "a spam complaint report (feedback-report)"
        return "bounce", "a delivery status report (multipart/report)"
    sender = mail.from_addr or ""
    if _BOUNCE_SENDER.match(sender) or _BOUNCE_SUBJECT.match(mail.subject):
        return "bounce", f"a bounce from {sender or 'the mail system'}"
    return_path = _h(mail, "return-path")
    if return_path in ("<>", "") and mail.headers.get("return-path") and _looks_bounce(mail):
        return "bounce", "empty return path: a mail system's notice"
    auto = _h(mail, "auto-submitted")
    if auto and auto != "no":
        return "auto-reply", f"Auto-Submitted: {auto}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        if mail.headers.get(name):
            return "auto-reply", f"{name} header"
    if _CALENDAR_REPLY.match(mail.subject):
        return "calendar-reply", f"an answer to a calendar invitation ({mail.subject[:60]})"
    if _AUTO_SUBJECT.match(mail.subject):
        return "auto-reply", f"the subject says it is an automatic reply ({mail.subject[:60]})"
    precedence = _h(mail, "precedence")
    if precedence in ("auto_reply", "auto-reply"):
        return "auto-reply", "Precedence: auto_reply"
    if _h(mail, "x-auto-response-suppress") and _AUTO_BODY.search(mail.text[:2000]):
        return "auto-reply", "an out-of-office text from Outlook"
    if _h(mail, "x-spam-flag") == "yes" or _h(mail, "x-spam-status").startswith("yes"):
        return "spam", "the spam filter flagged it"
    if _SPAM_SUBJECT.match(mail.subject) or _GTUBE in mail.text:
        return "spam", "marked as spam"
    if mail.headers.get("list-unsubscribe") or mail.headers.get("list-id"):
        return "newsletter", "a mailing-list or newsletter mail (List-Unsubscribe/List-Id)"
    if precedence in ("bulk", "list", "junk"):
        return "newsletter", f"Precedence: {precedence}"
    return None


def _looks_bounce(mail: ParsedMail) -> bool:
    return bool(re.search(r"\b(?:delivery|undeliver|leverans|returned)\b", mail.subject, re.I))
