"""Understanding mail: MIME, documents, Swedish dates, quoted history. Pure, no I/O."""
