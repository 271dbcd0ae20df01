import COpenCC
import FoundationEssentials

/// One opened OpenCC configuration (such as s2tw): converts text with the library's C API.
///
/// Made only by `OpenCCLibrary`, which keeps one per configuration for the life of the process.
/// One handle may be used from several threads at once: OpenCC's conversion does not change it.
public final class OpenCCConverter: @unchecked Sendable {
  /// The configuration name, such as "s2tw".
  public let name: String
  /// The absolute path of the configuration file that was opened.
  public let path: String
  private let handle: UnsafeMutableRawPointer

  init(name: String, path: String, handle: UnsafeMutableRawPointer) {
    self.name = name
    self.path = path
    self.handle = handle
  }

  deinit {
    reader_opencc_close()(handle)
  }

  /// The text converted by this configuration. NUL characters are kept and convert nothing.
  ///
  /// CJK compatibility ideographs are first replaced by their canonical equivalents (Unicode
  /// NFC, one character for one): OpenCC 1.4.2 normalises them before it segments, libopencc 1.1
  /// only in its first conversion step, where a phrase holding one (万余里) no longer matches.
  public func convert(_ text: String) throws(ConversionError) -> String {
    if text.isEmpty { return text }
    var text = Self.normalizingCompatibilityIdeographs(text)
    let result = text.withUTF8 { convertSplittingAtNUL($0) }
    return try result.get()
  }

  /// `text` with each CJK compatibility ideograph (U+F900–FAFF, U+2F800–2FA1F) in NFC; every
  /// other character, and so the number of characters, as it was.
  static func normalizingCompatibilityIdeographs(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isCompatibilityIdeograph) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isCompatibilityIdeograph(scalar),
        // The standard library's own NFC (FoundationEssentials has no normalisation).
        let canonical = String(decoding: String(scalar)._nfcCodeUnits, as: UTF8.self).unicodeScalars.first
      {
        result.append(canonical)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  private static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
  }

  /// OpenCC stops silently at the first NUL byte, so each stretch between NULs is converted alone.
  /// A Swift string is valid UTF-8 and NUL is a one-byte character: no stretch cuts a character.
  private func convertSplittingAtNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, ConversionError> {
    var output = ""
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var start = 0
    while start <= bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0 { end += 1 }
      if end > start {
        switch convertValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
        case .success(let converted): output += converted
        case .failure(let error): return .failure(error)
        }
      }
      if end < bytes.count { output.append("\u{0}") }
      start = end + 1
    }
    return .success(output)
  }

  private func convertValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, ConversionError> {
    let converted = bytes.withMemoryRebound(to: CChar.self) { chars in
      reader_opencc_convert_utf8()(handle, chars.baseAddress, chars.count)
    }
    guard let converted else {
      return .failure(.conversionFailed(config: name, reason: OpenCCLibrary.lastErrorMessage()))
    }
    // The buffer comes from OpenCC's allocator: only its own free may release it.
    defer { reader_opencc_convert_utf8_free()(converted) }
    return .success(String(cString: converted))
  }
}
