/// A 64-bit FNV-1a hash of a document's bytes: tells whether a file still holds what it held.
///
/// The toolchain has no SHA-256 on Linux (CryptoKit is Apple-only; swift-crypto would be a new
/// dependency) and none is needed: the hash only decides whether a remembered position still
/// fits the text, nobody gains by forging it, and an accidental collision between two versions
/// of one file is about one in 2^64. FNV-1a is a few lines and one multiply per byte.
enum ContentHash {
  static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01B3

  static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { buffer in
      var hash = offsetBasis
      for byte in buffer {
        hash ^= UInt64(byte)
        hash = hash &* prime
      }
      return hash
    }
  }

  static func fnv1a64(_ text: String) -> UInt64 {
    fnv1a64(Array(text.utf8))
  }

  /// The hash as 16 lower-case hex digits, the form used in state files and their names.
  static func hex(_ hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
