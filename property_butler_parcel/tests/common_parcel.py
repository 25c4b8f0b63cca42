import base64
import io

from PIL import Image

from odoo.addons.property_butler.tests.common import PropertyButlerCase


def signature_png():
    """A small black-on-white scribble, as the signature widget stores it."""
    image = Image.new("RGB", (60, 20), (255, 255, 255))
    for x in range(5, 55):
        image.putpixel((x, 10 + (x % 7) - 3), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


class ParcelCase(PropertyButlerCase):
    """The estate of the suite's tests: the owner of 3-2-1502 (in the butler's grid) and the
    other owner of 3-5-301 (in butler2's grid), both with portal accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._residents()
        # (new_test_user named the contacts after the logins)
        cls.owner.name, cls.other_owner.name = "王芳", "张伟"
        cls._two_grids_billed()
        cls.owner.mobile = "+86 138 0013 8000"
        cls.Parcel = cls.env["property.parcel"]
        cls.signature = signature_png()

    def _parcel(self, user=None, **vals):
        Parcel = self.Parcel.with_user(user or self.front_desk)
        return Parcel.create(
            {
                "project_id": self.project.id,
                "kind": "registered",
                "tracking_number": "xa123456789cn",
                "addressee_name": self.owner.name,
                "unit_id": self.unit.id,
                "partner_id": self.owner.id,
                **vals,
            }
        )

    def _pick_up(self, parcels, user=None, **vals):
        action = parcels.with_user(user or self.front_desk).action_pick_up()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user or self.front_desk)
            .with_context(**action["context"])
            .create({"signature": self.signature, **vals})
        )
        return wizard.action_confirm()
