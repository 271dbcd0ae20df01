import CZip
import Foundation

/// Writes zip archives with libzip, for tests that need books and broken books.
public enum ZipWriter {
  /// One file of an archive; `stored` leaves it uncompressed (as `mimetype` must be).
  public struct Entry {
    public var name: String
    public var bytes: [UInt8]
    public var stored: Bool

    public init(_ name: String, _ text: String, stored: Bool = false) {
      self.init(name, bytes: Array(text.utf8), stored: stored)
    }

    public init(_ name: String, bytes: [UInt8], stored: Bool = false) {
      self.name = name
      self.bytes = bytes
      self.stored = stored
    }
  }

  /// The archive's bytes, entries in the order given (deflated unless `stored`).
  public static func archive(_ entries: [Entry]) -> [UInt8] {
    let path = NSTemporaryDirectory() + "reader-zip-\(UUID().uuidString).zip"
    defer { unlink(path) }
    var error: Int32 = 0
    guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
      fatalError("zip_open failed: \(error)")
    }
    var buffers: [UnsafeMutableRawPointer] = []
    defer { buffers.forEach { $0.deallocate() } }
    for entry in entries {
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, entry.bytes.count), alignment: 1)
      buffers.append(buffer)
      entry.bytes.withUnsafeBytes {
        if let base = $0.baseAddress { buffer.copyMemory(from: base, byteCount: $0.count) }
      }
      guard let source = zip_source_buffer(archive, buffer, zip_uint64_t(entry.bytes.count), 0) else {
        fatalError("zip_source_buffer failed")
      }
      let index = zip_file_add(archive, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
      guard index >= 0 else { fatalError("zip_file_add failed for \(entry.name)") }
      let method = entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE
      zip_set_file_compression(archive, zip_uint64_t(index), method, 9)
    }
    guard zip_close(archive) == 0 else { fatalError("zip_close failed") }
    return Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
  }

  /// `archive` with the uncompressed size of every entry named `name` rewritten to `size`, in
  /// the local header and the central directory: an archive that lies about how much it holds.
  public static func claimingSize(_ archive: [UInt8], of name: String, size: UInt32) -> [UInt8] {
    var bytes = archive
    let nameBytes = Array(name.utf8)
    func put(_ value: UInt32, at offset: Int) {
      for index in 0..<4 { bytes[offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
    }
    func length(at offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
    var offset = 0
    while offset + 46 < bytes.count {
      if bytes[offset..<offset + 4] == [0x50, 0x4B, 3, 4],
        Array(bytes[(offset + 30)...].prefix(nameBytes.count)) == nameBytes,
        length(at: offset + 26) == nameBytes.count
      {
        put(size, at: offset + 22)
      }
      if bytes[offset..<offset + 4] == [0x50, 0x4B, 1, 2],
        Array(bytes[(offset + 46)...].prefix(nameBytes.count)) == nameBytes,
        length(at: offset + 28) == nameBytes.count
      {
        put(size, at: offset + 24)
      }
      offset += 1
    }
    return bytes
  }
}
