"""Uploads larger than an import may be are refused as they arrive, never stored whole.

The first of FILE_UPLOAD_HANDLERS: it counts each uploaded file's bytes and, once a file
passes UPLIFT_MAX_UPLOAD_BYTES, drops it (the rest of it is read and discarded, so neither
memory nor disk holds more than the limit) and notes its name on the request, so that the
upload page can record the rejection.
"""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from uplift.imports.limits import FileLimits


class UploadSizeLimit(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.limit = FileLimits.current().upload_bytes

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            oversized = oversized_uploads(self.request)
            oversized[self.field_name] = self.file_name
            self.request.oversized_uploads = oversized
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler stores the file


def oversized_uploads(request) -> dict[str, str]:
    """Field name -> file name of each upload dropped for its size."""
    return getattr(request, "oversized_uploads", None) or {}
