"""The rules that turn the parties' actions into an agreement's status."""

import datetime

import pytest

from relations.models import AgreementStatus as Status
from relations.status import derive_status

RU, TR = "ru", "tr"


def on(year, month=1, day=1):
    return datetime.date(year, month, day)


@pytest.mark.parametrize(
    ("actions", "superseded", "status"),
    [
        ([], False, None),
        ([(RU, "signature", on(1992)), (TR, "signature", on(1992))], False, Status.SIGNED),
        ([(RU, "ratification", on(1993))], False, Status.SIGNED),
        (
            [(RU, "entry-into-force", on(1994)), (TR, "entry-into-force", on(1994))],
            False,
            Status.IN_FORCE,
        ),
        ([(RU, "entry-into-force", on(1994))], False, Status.PARTIALLY_IN_FORCE),
        (
            [
                (RU, "entry-into-force", on(1994)),
                (TR, "entry-into-force", on(1994)),
                (TR, "withdrawal", on(2000)),
            ],
            False,
            Status.TERMINATED,
        ),
        (
            [(RU, "signature", on(1992)), (TR, "withdrawal", on(1993))],
            False,
            Status.NOT_IN_FORCE,
        ),
        (
            [(RU, "entry-into-force", on(1994)), (RU, "termination", on(2001))],
            False,
            Status.TERMINATED,
        ),
        ([(RU, "entry-into-force", on(1994)), (TR, "entry-into-force", on(1994))], True, None),
    ],
    ids=[
        "nothing recorded",
        "signed",
        "ratified only",
        "in force for both",
        "in force for one",
        "a withdrawal ends a bilateral agreement",
        "withdrawn before entry into force",
        "terminated",
        "superseded wins",
    ],
)
def test_the_status_follows_from_the_actions(actions, superseded, status):
    expected = Status.SUPERSEDED if superseded else status
    assert derive_status([RU, TR], actions, superseded=superseded) == expected


def test_rejoining_after_a_withdrawal_binds_the_party_again():
    actions = [
        (RU, "entry-into-force", on(1994)),
        (TR, "entry-into-force", on(1994)),
        (TR, "withdrawal", on(2000)),
    ]
    # TR's re-entry comes later than its withdrawal, whatever order the rows arrive in.
    assert derive_status([RU, TR], [*actions, (TR, "entry-into-force", on(2005))][::-1]) == (
        Status.IN_FORCE
    )


def test_a_multilateral_agreement_stays_partly_in_force_after_one_withdrawal():
    parties = ["a", "b", "c"]
    actions = [(p, "entry-into-force", on(2000)) for p in parties] + [("c", "withdrawal", on(2010))]
    assert derive_status(parties, actions) == Status.PARTIALLY_IN_FORCE
