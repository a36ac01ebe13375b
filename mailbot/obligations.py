"""The obligations part of a network's rules file: what the network must do, as data.

Every key has a default that the file may override; `rules/*.toml` say for each value
where in the seed document it comes from, or why the default was chosen. The model is
strict (a misspelt key is an error), and `mailbot rules check` reports problems with the
file and line.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Responsible = Literal["ordforande", "sekreterare", "presidium", "skolchef"]
_CHAIR: Responsible = "ordforande"
Weekday = Literal["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
WEEKDAY_NUMBER: dict[str, int] = {
    "måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6,
}  # fmt: skip
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingRules(_Strict):
    per_year: int = Field(default=4, ge=0, le=52)
    # Empty: any weekday. Otherwise the only weekdays a meeting may fall on.
    weekdays: list[Weekday] = Field(default_factory=list)
    # A meeting on a public holiday (or midsommarafton, julafton, nyårsafton) is flagged.
    avoid_holidays: bool = True
    # Months that count for the pace (the school year: no meetings expected in July).
    pace_months: list[int] = Field(default_factory=lambda: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12])
    # Issue 5: how many days before a planned meeting the chair is reminded.
    remind_chair_days_before: int = Field(default=10, ge=1, le=60)

    @field_validator("pace_months")
    @classmethod
    def _months(cls, value: list[int]) -> list[int]:
        if not value or any(m < 1 or m > 12 for m in value):
            raise ValueError("pace_months must list months 1-12")
        return sorted(set(value))


class ProtocolRules(_Strict):
    # Who writes the protocol: the secretary, the principal hosting the meeting, or the
    # host municipality (someone from it).
    writer: Literal["sekreterare", "värdrektor", "värdkommun"] = "sekreterare"
    due_days: int = Field(default=14, ge=1, le=90)
    # A protocol dated on no planned meeting, but within this many days of exactly one
    # planned meeting that has no protocol yet, records that meeting held on another day
    # (it is moved to the protocol's date). Two such meetings: the coordinator decides.
    match_window_days: int = Field(default=21, ge=0, le=90)
    # Minutes are published on utbildningskaraborg.se (a duty shown, not checked by mail).
    publish: bool = False


class DeadlineRules(_Strict):
    """By when in each calendar year ("MM-DD") the paperwork should have arrived."""

    member_list: str = "02-15"
    meeting_dates: str = "02-15"
    # The autumn term's dates: a plan for the spring alone is complete until then, so a
    # network is not "behind" for lack of autumn meetings before this day.
    autumn_meeting_dates: str = "08-15"
    # A deadline that falls on a weekend or holiday is stated as the working day before
    # ("before"), or as it is ("as-is").
    weekend_deadline: Literal["before", "as-is"] = "before"

    @field_validator("member_list", "meeting_dates", "autumn_meeting_dates")
    @classmethod
    def _month_day(cls, value: str) -> str:
        if not _MONTH_DAY.match(value):
            raise ValueError(f"{value!r} is not a month-day like '02-15'")
        return value


class Deliverable(_Strict):
    """A report due once (`due`) or every year (`due_each_year`, "MM-DD")."""

    key: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: str
    due: date | None = None
    due_each_year: str | None = None
    # Words that, in a report's subject, file name or heading, mean this deliverable.
    matches: list[str] = Field(min_length=1)
    remind_days_before: int = Field(default=30, ge=0, le=365)
    # Who answers for it: the chair by default; "skolchef" adds the school director.
    responsible: list[Responsible] = Field(default_factory=lambda: [_CHAIR])

    @model_validator(mode="after")
    def _one_due(self) -> Deliverable:
        if (self.due is None) == (self.due_each_year is None):
            raise ValueError("give exactly one of 'due' (a date) or 'due_each_year' ('MM-DD')")
        if self.due_each_year is not None and not _MONTH_DAY.match(self.due_each_year):
            raise ValueError(f"due_each_year {self.due_each_year!r} is not like '04-30'")
        return self


class Contacts(_Strict):
    """Addresses pinned in the file; the registry's member lists fill in the rest."""

    chair: str | None = None
    secretary: str | None = None
    school_director: str | None = None
    coordinator: str | None = None
    trusted_senders: list[str] = Field(default_factory=list)


class Obligations(_Strict):
    """Everything below the recognition keys of a rules file."""

    valid_from: date | None = None  # the mission's period, when the document gives one
    valid_to: date | None = None
    meetings: MeetingRules = Field(default_factory=MeetingRules)
    protocol: ProtocolRules = Field(default_factory=ProtocolRules)
    deadlines: DeadlineRules = Field(default_factory=DeadlineRules)
    deliverables: list[Deliverable] = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)

    @model_validator(mode="after")
    def _unique_keys(self) -> Obligations:
        keys = [d.key for d in self.deliverables]
        duplicated = sorted({k for k in keys if keys.count(k) > 1})
        if duplicated:
            raise ValueError(f"deliverable keys must be unique: {', '.join(duplicated)}")
        return self
