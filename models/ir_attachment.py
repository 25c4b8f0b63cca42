from odoo import api, models
from odoo.exceptions import ValidationError

# What residents and staff may attach to a ticket: photos and PDF documents, 5 MB each.
TICKET_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
TICKET_ATTACHMENT_MIMETYPES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heic",
    "application/pdf",
}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.constrains("res_model", "file_size", "mimetype")
    def _check_property_ticket_attachment(self):
        for attachment in self.filtered(
            lambda a: a.res_model == "property.ticket" and a.type == "binary"
        ):
            if attachment.file_size > TICKET_ATTACHMENT_MAX_BYTES:
                raise ValidationError(
                    self.env._(
                        "%(name)s is too large (%(size).1f MB): attach files of at most %(max)s MB.",
                        name=attachment.name,
                        size=attachment.file_size / 1024 / 1024,
                        max=TICKET_ATTACHMENT_MAX_BYTES // 1024 // 1024,
                    )
                )
            if attachment.mimetype not in TICKET_ATTACHMENT_MIMETYPES:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not a photo or a PDF (%(type)s): only JPEG, PNG, GIF, "
                        "WEBP, HEIC images and PDF documents can be attached to a ticket.",
                        name=attachment.name,
                        type=attachment.mimetype,
                    )
                )
