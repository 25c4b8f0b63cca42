from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

# What residents may attach to a ticket: photos and PDF documents, 5 MB each. Staff (and
# incoming e-mail) may attach anything.
TICKET_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
TICKET_ATTACHMENT_MIMETYPES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heic",
    "application/pdf",
}


def sniff_mimetype(raw):
    """What the bytes are, whatever the file name says (HEIC, which Odoo does not sniff, by
    its ISO-BMFF brand)."""
    raw = raw or b""
    if raw[4:8] == b"ftyp" and raw[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "image/heic"
    return guess_mimetype(raw, default="application/octet-stream")


def resident_attachment_error(env, name, raw):
    """Why a resident may not attach this file to a ticket (None: he may)."""
    size = len(raw or b"")
    if size > TICKET_ATTACHMENT_MAX_BYTES:
        return env._(
            "%(name)s is too large (%(size).1f MB): attach files of at most %(max)s MB.",
            name=name,
            size=size / 1024 / 1024,
            max=TICKET_ATTACHMENT_MAX_BYTES // 1024 // 1024,
        )
    mimetype = sniff_mimetype(raw)
    if mimetype not in TICKET_ATTACHMENT_MIMETYPES:
        return env._(
            "%(name)s is not a photo or a PDF (%(type)s): only JPEG, PNG, GIF, "
            "WEBP, HEIC images and PDF documents can be attached to a ticket.",
            name=name,
            type=mimetype,
        )
    return None


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.constrains("res_model", "file_size", "mimetype")
    def _check_property_ticket_attachment(self):
        if not self.env.user.share:
            return
        for attachment in self.filtered(
            lambda a: a.res_model == "property.ticket" and a.type == "binary"
        ):
            error = resident_attachment_error(self.env, attachment.name, attachment.raw)
            if error:
                raise ValidationError(error)
