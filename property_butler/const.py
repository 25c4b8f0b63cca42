"""Constants shared by the addons of the Property Butler suite."""

# The time zone of an estate when neither the viewer nor the record names one.
DEFAULT_TZ = "Asia/Shanghai"
