from . import property_newspaper_portal
