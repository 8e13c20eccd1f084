"""The Word (OOXML) layer: reading, writing and normalizing packages. Knows nothing about law."""
