"""Moderation of the directory: cooperatives submit, the Alliance's editors approve.

The workflow is set on every `CooperativeIndexPage`, so it covers each cooperative's page and its
products. Editors hold publish permission and may still publish directly.
"""

from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from .permissions import ensure_alliance_editors

WORKFLOW_NAME = "Duyệt của Liên minh HTX"
TASK_NAME = "Liên minh HTX duyệt nội dung"


def ensure_directory_workflow(editors):
    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    from .models import CooperativeIndexPage

    for index in CooperativeIndexPage.objects.all():
        # An editor's later choice of workflow for the directory is kept.
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_alliance_setup():
    """The editors' group and the directory workflow; changes nothing when both exist."""
    editors = ensure_alliance_editors()
    workflow = ensure_directory_workflow(editors)
    return editors, workflow


def ensure_alliance_setup_after_migrate(**kwargs):
    ensure_alliance_setup()
