from . import property_demo_generator
