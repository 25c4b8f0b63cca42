"""Give the shipped inspection checklist items their xml ids (they were created inline by the
templates, so they had none and could not be translated): the items already in the database
get the ids that data/property_inspection_data.xml now gives them, instead of duplicates."""

# (xml id of the item, xml id of its template, English name)
ITEMS = [
    (
        "property_inspection_template_item_cluster_daily_1",
        "property_inspection_template_cluster_daily",
        "Staff on duty at their posts",
    ),
    (
        "property_inspection_template_item_cluster_daily_2",
        "property_inspection_template_cluster_daily",
        "Uniforms, badges and appearance",
    ),
    (
        "property_inspection_template_item_cluster_daily_3",
        "property_inspection_template_cluster_daily",
        "No security hazards in the cluster",
    ),
    (
        "property_inspection_template_item_cluster_daily_4",
        "property_inspection_template_cluster_daily",
        "Visitor, vehicle and goods logs filled in",
    ),
    (
        "property_inspection_template_item_cluster_daily_5",
        "property_inspection_template_cluster_daily",
        "Corridors, lobbies and lifts clean",
    ),
    (
        "property_inspection_template_item_cluster_daily_6",
        "property_inspection_template_cluster_daily",
        "Rubbish bins emptied, no odour",
    ),
    (
        "property_inspection_template_item_cluster_daily_7",
        "property_inspection_template_cluster_daily",
        "Lawns and plants tended, no damage",
    ),
    (
        "property_inspection_template_item_cluster_daily_8",
        "property_inspection_template_cluster_daily",
        "Lights, doors and lifts working",
    ),
    (
        "property_inspection_template_item_cluster_daily_9",
        "property_inspection_template_cluster_daily",
        "Pending repairs followed up",
    ),
    (
        "property_inspection_template_item_cluster_daily_10",
        "property_inspection_template_cluster_daily",
        "Decorating units within rules (permit posted, hours, debris)",
    ),
    (
        "property_inspection_template_item_cluster_daily_11",
        "property_inspection_template_cluster_daily",
        "Public facilities and notice boards in good order",
    ),
    (
        "property_inspection_template_item_morning_check_1",
        "property_inspection_template_morning_check",
        "Security captain: events of the night to follow up",
    ),
    (
        "property_inspection_template_item_morning_check_2",
        "property_inspection_template_morning_check",
        "Maintenance: repairs reported overnight",
    ),
    (
        "property_inspection_template_item_morning_check_3",
        "property_inspection_template_morning_check",
        "Cleaning and greening leads: issues to follow up",
    ),
    (
        "property_inspection_template_item_morning_check_4",
        "property_inspection_template_morning_check",
        "Control room and service hall: calls and complaints overnight",
    ),
    (
        "property_inspection_template_item_manager_round_1",
        "property_inspection_template_manager_round",
        "Public areas clean",
    ),
    (
        "property_inspection_template_item_manager_round_2",
        "property_inspection_template_manager_round",
        "Greening tended",
    ),
    (
        "property_inspection_template_item_manager_round_3",
        "property_inspection_template_manager_round",
        "Public facilities working",
    ),
    (
        "property_inspection_template_item_manager_round_4",
        "property_inspection_template_manager_round",
        "No safety hazards",
    ),
    (
        "property_inspection_template_item_manager_round_5",
        "property_inspection_template_manager_round",
        "Staff on duty and courteous",
    ),
    (
        "property_inspection_template_item_supervisor_round_1",
        "property_inspection_template_supervisor_round",
        "Public areas clean",
    ),
    (
        "property_inspection_template_item_supervisor_round_2",
        "property_inspection_template_supervisor_round",
        "Greening tended",
    ),
    (
        "property_inspection_template_item_supervisor_round_3",
        "property_inspection_template_supervisor_round",
        "Public facilities working",
    ),
    (
        "property_inspection_template_item_supervisor_round_4",
        "property_inspection_template_supervisor_round",
        "No safety hazards",
    ),
    (
        "property_inspection_template_item_supervisor_round_5",
        "property_inspection_template_supervisor_round",
        "Staff on duty and courteous",
    ),
    (
        "property_inspection_template_item_internal_round_1",
        "property_inspection_template_internal_round",
        "Public areas clean",
    ),
    (
        "property_inspection_template_item_internal_round_2",
        "property_inspection_template_internal_round",
        "Greening tended",
    ),
    (
        "property_inspection_template_item_internal_round_3",
        "property_inspection_template_internal_round",
        "Public facilities working",
    ),
    (
        "property_inspection_template_item_internal_round_4",
        "property_inspection_template_internal_round",
        "No safety hazards",
    ),
    (
        "property_inspection_template_item_internal_round_5",
        "property_inspection_template_internal_round",
        "Staff on duty and courteous",
    ),
    (
        "property_inspection_template_item_vacant_unit_1",
        "property_inspection_template_vacant_unit",
        "Doors and windows closed",
    ),
    (
        "property_inspection_template_item_vacant_unit_2",
        "property_inspection_template_vacant_unit",
        "Water, power and gas switched off",
    ),
    (
        "property_inspection_template_item_vacant_unit_3",
        "property_inspection_template_vacant_unit",
        "No leaks",
    ),
    (
        "property_inspection_template_item_vacant_unit_4",
        "property_inspection_template_vacant_unit",
        "No cracks in walls and floors",
    ),
]


def migrate(cr, version):
    if not version:
        return
    for item_xmlid, template_xmlid, name in ITEMS:
        cr.execute(
            """
            INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
            SELECT 'property_butler', %s, 'property.inspection.template.item', item.id, TRUE
              FROM property_inspection_template_item item
              JOIN ir_model_data template
                ON template.module = 'property_butler' AND template.name = %s
               AND template.res_id = item.template_id
             WHERE item.name->>'en_US' = %s
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data
                    WHERE module = 'property_butler' AND name = %s
               )
             ORDER BY item.id
             LIMIT 1
            """,
            (item_xmlid, template_xmlid, name, item_xmlid),
        )
