"""/healthz for the load balancer: 200 when the database answers, 503 when it does not."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Other rooms (search) add checks here: name -> callable returning (healthy, detail).
EXTRA_CHECKS = {}


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("health check: database unreachable: %s", error)
        return False, "unreachable"
    return True, "ok"


@never_cache
def healthz(request):
    db_ok, db_detail = database_status()
    body = {"database": db_detail}
    for name, check in EXTRA_CHECKS.items():
        body[name] = check()[1]
    body["status"] = "ok" if db_ok else "error"
    return JsonResponse(body, status=200 if db_ok else 503)
