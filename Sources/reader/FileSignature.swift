import Glibc

/// What `stat` says about a file that tells a rewrite or a replacement: device, inode, size,
/// modification time to the nanosecond.
///
/// An editor that saves by writing a new file and renaming it changes the inode; one that
/// writes in place changes the time or the size. Reading it costs one `stat` call.
struct FileSignature: Hashable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modifiedSeconds: Int
  var modifiedNanoseconds: Int

  /// The signature of the file at `path` now, or nil when it cannot be seen (deleted, in the
  /// middle of being replaced, or not a regular file).
  static func of(path: String) -> FileSignature? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return FileSignature(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
      modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
  }
}
