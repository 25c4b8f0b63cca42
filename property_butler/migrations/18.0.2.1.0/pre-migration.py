"""The demo estate's company, staff and project move from property_butler_suite to the base
addon (18.0.2.1.0): each addon of the suite now ships the demo data of its own domain.

In a database created with the suite of 18.0.2.0.0 the demo staff, project, clusters and
buildings have xml ids of ``property_butler_suite``. They are renamed to ``property_butler``,
so that the base addon's demo data finds them instead of creating a second company's staff
(logins are unique) when it is loaded again during the upgrade.
"""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data SET module = 'property_butler'
         WHERE module = 'property_butler_suite'
           AND model IN ('res.users', 'property.project', 'property.cluster',
                         'property.building')
           AND NOT EXISTS (SELECT 1 FROM ir_model_data other
                            WHERE other.module = 'property_butler'
                              AND other.name = ir_model_data.name)
        """
    )
    _logger.info("%s demo records move from property_butler_suite", cr.rowcount)
