"""Realistic sample contexts for every notice kind: for tests, the README's mail samples
(`scripts/render-samples`) and a digest preview without a store.

The people are invented; the municipalities are the real Skaraborg ones.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from markupsafe import Markup

from mailbot.outbox.render import Section

MAILBOX = "utbildning@skaraborg.se"


def sample_contexts() -> dict[str, dict[str, Any]]:
    """One context per kind, in the order of `render.KINDS`."""
    return {
        "meeting-reminder": {
            "network": "Förskola",
            "recipient_name": "Åsa Öberg",
            "meeting_date": date(2025, 3, 14),
            "meeting_start": time(9, 0),
            "meeting_end": time(12, 0),
            "meeting_place": "Stadshuset i Skövde, sal Ödegården",
        },
        "meeting-moved": {
            "network": "Anpassad skola",
            "recipient_name": "Jörgen Bäckström",
            "previous_date": date(2025, 4, 18),
            "previous_start": time(13, 0),
            "meeting_date": date(2025, 4, 25),
            "meeting_start": time(13, 0),
            "meeting_end": time(15, 30),
            "meeting_place": "Vävaregården i Töreboda",
        },
        "meeting-cancelled": {
            "network": "Grundskola",
            "recipient_name": "Märta Åkesson",
            "meeting_date": date(2025, 5, 22),
            "meeting_start": time(8, 30),
            "meeting_place": "Kulturhuset Fabriken i Götene",
            "year": 2025,
            "meetings_held": 1,
            "meetings_planned": 1,
            "meetings_required": 4,
            "mailbox": MAILBOX,
        },
        "protocol-reminder": {
            "network": "Vuxenutbildning",
            "recipient_name": "Björn Sjöström",
            "writer": "värdkommun",
            "host": "Lidköping",
            "meeting_date": date(2025, 2, 6),
            "meeting_place": "Campus Västra Skaraborg, Lidköping",
            "due_date": date(2025, 2, 20),
            "mailbox": MAILBOX,
        },
        "meetings-behind": {
            "network": "Introduktionsprogrammen",
            "recipient_name": "Lena Hägg",
            "year": 2025,
            "meetings_held": 2,
            "meetings_planned": 2,
            "meetings_required": 6,
            "planned_dates": [date(2025, 9, 18), date(2025, 11, 13)],
            "coordinator_name": "Göran Ståhl",
            "mailbox": MAILBOX,
        },
        "member-list-missing": {
            "network": "Grundskola",
            "recipient_name": "Sören Älgå",
            "year": 2025,
            "deadline": date(2025, 2, 15),
            "mailbox": MAILBOX,
        },
        "meeting-dates-missing": {
            "network": "Förskola",
            "recipient_name": "Åsa Öberg",
            "year": 2025,
            "deadline": date(2025, 2, 15),
            "meetings_required": 4,
            "weekdays": ["fredag"],
            "mailbox": MAILBOX,
        },
        "deliverable-reminder": {
            "network": "Förskola",
            "recipient_name": "Åsa Öberg",
            "deliverable": "Arbetsordning för kalenderåret",
            "due_date": date(2025, 2, 15),
            "overdue": False,
            "days": 12,
            "mailbox": MAILBOX,
        },
        "mission-ending": {
            "network": "Förskola",
            "recipient_name": "Göran Ståhl",
            "valid_to": date(2026, 12, 31),
            "days": 42,
            "rules_file": "rules/forskola.toml",
        },
        "receipt": {
            "network": "Anpassad skola",
            "recipient_name": "Kajsa Lööf",
            "received_date": date(2025, 3, 17),
            "original_subject": "Protokoll nätverksträff 14/3 och nya mötesdatum",
            "member_list": None,
            "meetings": [
                {
                    "date": date(2025, 5, 16),
                    "start": time(9, 0),
                    "end": time(12, 0),
                    "place": "Ållonöskolan, Tidaholm",
                    "change": "planned",
                    "previous_date": None,
                },
                {
                    "date": date(2025, 10, 10),
                    "start": None,
                    "end": None,
                    "place": None,
                    "change": "moved",
                    "previous_date": date(2025, 10, 3),
                },
            ],
            "protocol_for": date(2025, 3, 14),
            "report": None,
            "next_meeting": {
                "date": date(2025, 5, 16),
                "start": time(9, 0),
                "end": time(12, 0),
                "place": "Ållonöskolan, Tidaholm",
            },
            "year": 2025,
            "meetings_held": 1,
            "meetings_required": 4,
        },
        "review-notice": {
            "network": "Grundskola",
            "recipient_name": "Pär Öhman",
            "received_date": date(2025, 3, 12),
            "original_subject": "Vår nya förteckning – grundskolenätverket våren 2025",
            "coordinator_name": "Göran Ståhl",
        },
        "review-request": {
            "recipient_name": "Göran Ståhl",
            "count": 2,
            "items": [
                {
                    "id": 27,
                    "date": date(2025, 3, 12),
                    "sender": "par.ohman@konsultbolaget.se",
                    "subject": "Vår nya förteckning – grundskolenätverket våren 2025",
                    "network": "Grundskola",
                    "read": "medlemsförteckning med 9 personer",
                    "reason": "okänd avsändare: par.ohman@konsultbolaget.se är varken känd "
                    "medlem eller från en betrodd domän",
                },
                {
                    "id": 31,
                    "date": date(2025, 3, 14),
                    "sender": "kajsa.loof@tidaholm.se",
                    "subject": "SV: Protokollet från träffen 6 februari saknas – Vuxenutbildning",
                    "network": "Vuxenutbildning",
                    "read": "ett svar på påminnelsen om protokollet från 6 februari",
                    "reason": "svaret säger att protokollet från 2025-02-06 redan är skickat",
                },
            ],
            "token": "1f3a9c2e",
        },
        "decision-receipt": {
            "recipient_name": "Göran Ståhl",
            "results": [
                {"item": 27, "verb": "apply", "done": True, "network": "grundskola", "detail": ""},
                {
                    "item": 31,
                    "verb": "dismiss",
                    "done": False,
                    "network": None,
                    "detail": "mejl #31 är redan registrerat, det väntar inte på granskning",
                },
            ],
            "unread": ["32 kanske"],
            "original_subject": "SV: 2 mejl väntar på ditt beslut [#1f3a9c2e]",
        },
        "reminders": {
            "recipient_name": "Åsa Öberg",
            "count": 2,
            "networks": ["Förskola"],
            "sections": [
                Section(
                    kind="meeting-reminder",
                    subject="Dags att skicka kallelse: Förskola träffas fredag 14 mars 2025",
                    heading="Förskola träffas fredag 14 mars 2025",
                    text="Nätverket Förskola har snart en träff:\n\n  När:  fredag 14 mars 2025 "
                    "kl. 9.00–12.00\n  Var:  Stadshuset i Skövde, sal Ödegården",
                    html=Markup(
                        "<p>Nätverket Förskola har snart en träff: fredag 14 mars 2025 kl. "
                        "9.00–12.00, Stadshuset i Skövde, sal Ödegården.</p>"
                    ),
                ),
                Section(
                    kind="deliverable-reminder",
                    subject="Påminnelse: Arbetsordning för kalenderåret ska in 14 februari – "
                    "Förskola",
                    heading="Arbetsordning för kalenderåret",
                    text="Nätverket Förskola ska lämna in ”Arbetsordning för kalenderåret” "
                    "senast fredag 14 februari 2025, om 12 dagar.",
                    html=Markup(
                        "<p>Nätverket Förskola ska lämna in ”Arbetsordning för kalenderåret” "
                        "senast fredag 14 februari 2025, om 12 dagar.</p>"
                    ),
                ),
            ],
        },
        "digest": sample_digest(),
    }


def sample_digest() -> dict[str, Any]:
    """A busy week in March 2025: one network behind, two needing attention."""
    return {
        "recipient_name": "Göran Ståhl",
        "today": date(2025, 3, 17),
        "year": 2025,
        "week": 12,
        "networks": [
            {
                "name": "Vuxenutbildning",
                "status": "behind",
                "held": 0,
                "planned": 3,
                "required": 6,
                "findings": 2,
            },
            {
                "name": "Grundskola",
                "status": "attention",
                "held": 1,
                "planned": 1,
                "required": 4,
                "findings": 1,
            },
            {
                "name": "Förskola",
                "status": "attention",
                "held": 1,
                "planned": 3,
                "required": 4,
                "findings": 1,
            },
            {
                "name": "Anpassad skola",
                "status": "on-track",
                "held": 1,
                "planned": 3,
                "required": 4,
                "findings": 0,
            },
            {
                "name": "Introduktionsprogrammen",
                "status": "on-track",
                "held": 2,
                "planned": 4,
                "required": 6,
                "findings": 0,
            },
        ],
        "findings": [
            {
                "network": "Vuxenutbildning",
                "rule": "protocol-missing",
                "severity": "overdue",
                "about": date(2025, 2, 6),
                "due": date(2025, 2, 20),
                "detail": "Lidköping var värdkommun och skriver protokollet",
            },
            {
                "network": "Vuxenutbildning",
                "rule": "meeting-count-behind",
                "severity": "warning",
                "about": None,
                "due": None,
                "detail": "0 av 6 träffar hållna, 3 planerade: räcker inte",
            },
            {
                "network": "Grundskola",
                "rule": "member-list-missing",
                "severity": "warning",
                "about": None,
                "due": date(2025, 2, 15),
                "detail": None,
            },
            {
                "network": "Förskola",
                "rule": "meeting-weekday",
                "severity": "warning",
                "about": date(2025, 6, 19),
                "due": None,
                "detail": "torsdag, men förskolans träffar ska vara på fredagar",
            },
        ],
        "arrived": [
            {
                "date": date(2025, 3, 11),
                "network": "Förskola",
                "sender": "asa.oberg@skovde.se",
                "subject": "Mötesplan förskolenätverket 2025",
                "kinds": ["meeting_dates"],
                "outcome": "applied",
            },
            {
                "date": date(2025, 3, 12),
                "network": "Grundskola",
                "sender": "par.ohman@konsultbolaget.se",
                "subject": "Vår nya förteckning – grundskolenätverket våren 2025",
                "kinds": ["member_list"],
                "outcome": "needs_review",
            },
            {
                "date": date(2025, 3, 14),
                "network": "Anpassad skola",
                "sender": "kajsa.loof@tidaholm.se",
                "subject": "Protokoll nätverksträff 14/3 och nya mötesdatum",
                "kinds": ["protocol", "meeting_dates"],
                "outcome": "applied",
            },
            {
                "date": date(2025, 3, 15),
                "network": None,
                "sender": "noreply@kampanj.se",
                "subject": "Vårens kurser i ledarskap",
                "kinds": [],
                "outcome": "ignored",
            },
        ],
        "review": [
            {
                "id": 41,
                "date": date(2025, 3, 12),
                "sender": "par.ohman@konsultbolaget.se",
                "subject": "Vår nya förteckning – grundskolenätverket våren 2025",
                "network": "Grundskola",
                "reason": "okänd avsändare: konsultbolaget.se är ingen betrodd domän",
            },
        ],
        "failed": [
            {
                "id": 17,
                "date": date(2025, 3, 13),
                "kind": "protocol-reminder",
                "to": ["bjorn.sjostrom@lidkoping.se"],
                "subject": "Protokollet från träffen 6 februari saknas – Vuxenutbildning",
                "error": "550 5.1.1 Mottagaren finns inte",
            },
        ],
        "upcoming": [
            {
                "date": date(2025, 3, 20),
                "start": time(13, 0),
                "end": time(16, 0),
                "network": "Introduktionsprogrammen",
                "place": "Hjo stadshus",
            },
            {
                "date": date(2025, 3, 28),
                "start": time(9, 0),
                "end": time(12, 0),
                "network": "Förskola",
                "place": "Stadshuset i Skövde, sal Ödegården",
            },
            {
                "date": date(2025, 4, 3),
                "start": None,
                "end": None,
                "network": "Vuxenutbildning",
                "place": "Falköpings bibliotek",
            },
        ],
        "broken": [
            {
                "network": "gymnasium",
                "file": "gymnasium.toml",
                "problem": "rad 12: meetings.per_year: Input should be a valid integer",
            }
        ],
    }
