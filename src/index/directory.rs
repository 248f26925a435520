//! The directory an index is served from: tantivy's memory-mapped directory, except that the
//! document store is read with `pread` instead of being mapped.
//!
//! Answers read stored sentences from all over the store (a few dozen 16 KiB blocks per answer,
//! anywhere in it), so within minutes of serving a mapped store is resident in full: 200 of
//! the 305 MB a server held at 100,000 articles. Read with `pread`, the blocks pass through the
//! kernel's page cache, which caches them just as well but is shared and given back under
//! memory pressure first, and not charged to factbot's resident memory. This is the trade
//! RocksDB makes by default for its table files. tantivy keeps its own cache of decompressed
//! blocks either way. Postings, term dictionaries and fast fields, read in small pieces on
//! every query, stay mapped.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback, WatchHandle,
    WritePtr,
};
use tantivy::HasLen;

/// Serves an index folder: mapped, but for the document store (see the module docs).
#[derive(Clone, Debug)]
pub struct ServingDirectory {
    mapped: MmapDirectory,
    root: PathBuf,
}

impl ServingDirectory {
    /// Opens the index folder `root`.
    pub fn open(root: &Path) -> Result<Self, OpenDirectoryError> {
        Ok(Self {
            mapped: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

/// A file read with positioned reads, each into a buffer of its own.
#[derive(Debug)]
struct PreadFile {
    file: File,
    len: usize,
}

impl HasLen for PreadFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for PreadFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("read of {range:?} past the end of a {}-byte file", self.len),
            ));
        }
        let mut buffer = vec![0; range.len()];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

fn is_doc_store(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "store")
}

impl Directory for ServingDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if !is_doc_store(path) {
            return self.mapped.get_file_handle(path);
        }
        let full = self.root.join(path);
        let io_error = |io_error: io::Error| {
            if io_error.kind() == io::ErrorKind::NotFound {
                OpenReadError::FileDoesNotExist(path.to_path_buf())
            } else {
                OpenReadError::wrap_io_error(io_error, path.to_path_buf())
            }
        };
        let file = File::open(&full).map_err(io_error)?;
        let len = file.metadata().map_err(io_error)?.len();
        let len = usize::try_from(len).map_err(|_| {
            io_error(io::Error::new(
                io::ErrorKind::InvalidData,
                "file too large to address",
            ))
        })?;
        Ok(Arc::new(PreadFile { file, len }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mapped.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mapped.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mapped.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mapped.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mapped.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mapped.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.mapped.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mapped.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_store_is_read_with_pread_and_other_files_stay_mapped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bytes: Vec<u8> = (0..=255).collect();
        std::fs::write(dir.path().join("seg.store"), &bytes).expect("write");
        std::fs::write(dir.path().join("seg.idx"), &bytes).expect("write");
        let served = ServingDirectory::open(dir.path()).expect("open");

        let store = served.get_file_handle(Path::new("seg.store")).expect("store");
        assert!(format!("{store:?}").contains("PreadFile"), "{store:?}");
        assert_eq!(store.len(), 256);
        assert_eq!(
            store.read_bytes(10..14).expect("read").as_slice(),
            &[10, 11, 12, 13]
        );
        assert_eq!(store.read_bytes(256..256).expect("empty read").len(), 0);
        assert!(
            store.read_bytes(250..300).is_err(),
            "a read past the end is an error"
        );

        let mapped = served.get_file_handle(Path::new("seg.idx")).expect("idx");
        assert!(!format!("{mapped:?}").contains("PreadFile"), "{mapped:?}");
        assert_eq!(mapped.read_bytes(0..2).expect("read").as_slice(), &[0, 1]);

        assert!(matches!(
            served.get_file_handle(Path::new("missing.store")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
