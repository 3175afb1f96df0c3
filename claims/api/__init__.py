"""The REST API for CMS integrations and the browser (read endpoints), under
/api/v1/. Views are thin: input serializer, service call, output serializer."""
