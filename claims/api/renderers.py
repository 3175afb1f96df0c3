"""The API's response renderer: DRF's JSON renderer, naming its charset.

RFC 8259 defines no charset parameter for application/json, but ASVS 5.0
4.1.1 (reliability matrix row B15) wants every response to name one, and it
costs nothing. Installed by REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].
"""

from rest_framework import renderers


class JSONRenderer(renderers.JSONRenderer):
    charset = "utf-8"
