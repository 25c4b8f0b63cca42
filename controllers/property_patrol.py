from odoo import http


class PropertyPatrolController(http.Controller):
    """Guards' mobile pages: today's rounds, scan a checkpoint's QR code, check in."""
