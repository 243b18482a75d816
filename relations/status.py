"""An agreement's legal status, derived from what its parties did.

Treaty databases record each party's actions and read the status off them; we do
the same, so an editor records facts (signature, entry into force, withdrawal)
and the status follows. ``derive_status`` is a pure function of those facts; the
admin calls ``refresh_status`` after saving an agreement and its actions, unless
the editor set the status by hand.
"""

from .models import ActionKind, AgreementLink, AgreementStatus, LinkKind

SIGNING = {ActionKind.SIGNATURE, ActionKind.RATIFICATION, ActionKind.APPROVAL}


def derive_status(parties, actions, superseded=False):
    """The status that follows from ``actions``, or None when nothing is recorded.

    ``parties`` are the agreement's parties; ``actions`` are (party, action, date)
    triples. The rules, in order:

    1. superseded by another agreement: superseded;
    2. a termination by any party: terminated;
    3. a party is bound from its entry into force until a later withdrawal;
       every party bound: in force; some: partially in force, unless
       withdrawals left fewer than two parties bound: terminated;
    4. never in force, but signed, ratified or approved: signed, or not in force
       once a party has withdrawn;
    5. no actions: None (nothing to derive; the status stays as it is).
    """
    if superseded:
        return AgreementStatus.SUPERSEDED
    actions = list(actions)
    if not actions:
        return None
    kinds = {action for _party, action, _date in actions}
    if ActionKind.TERMINATION in kinds:
        return AgreementStatus.TERMINATED
    bound = bound_parties(actions)
    withdrawn = ActionKind.WITHDRAWAL in kinds
    if ActionKind.ENTRY_INTO_FORCE in kinds:
        if bound >= set(parties) and bound:
            return AgreementStatus.IN_FORCE
        if withdrawn and len(bound) < 2:
            return AgreementStatus.TERMINATED
        return AgreementStatus.PARTIALLY_IN_FORCE
    if withdrawn:
        return AgreementStatus.NOT_IN_FORCE
    if kinds & SIGNING:
        return AgreementStatus.SIGNED
    return None


def bound_parties(actions):
    """Parties whose latest entry into force or withdrawal is an entry into force."""
    latest = {}
    for party, action, _date in sorted(actions, key=lambda triple: triple[2]):
        if action in (ActionKind.ENTRY_INTO_FORCE, ActionKind.WITHDRAWAL):
            latest[party] = action
    return {party for party, action in latest.items() if action == ActionKind.ENTRY_INTO_FORCE}


def refresh_status(agreement):
    """Set ``agreement.status`` from its records, unless an editor set it by hand."""
    if agreement.status_set_by_hand:
        return
    status = derive_status(
        agreement.parties.values_list("pk", flat=True),
        agreement.actions.values_list("party_id", "action", "date"),
        superseded=AgreementLink.objects.filter(
            to_agreement=agreement, kind=LinkKind.SUPERSEDES
        ).exists(),
    )
    if status and status != agreement.status:
        agreement.status = status
        agreement.save(update_fields=["status", "updated_at"])
