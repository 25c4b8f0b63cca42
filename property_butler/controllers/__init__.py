from . import (
    portal,
    property_mail,
)
