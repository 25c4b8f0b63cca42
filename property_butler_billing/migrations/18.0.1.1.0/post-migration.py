def migrate(cr, version):
    """Fee lines billed before billing cycles bill their whole month: their first and last day
    billed are the month's (the runs of a cycle look them up)."""
    if not version:
        return
    cr.execute(
        """
        UPDATE account_move_line
           SET property_date_from = property_period,
               property_date_to = (property_period + INTERVAL '1 month' - INTERVAL '1 day')::date
         WHERE property_period IS NOT NULL
           AND property_unit_id IS NOT NULL
           AND property_date_from IS NULL
        """
    )
