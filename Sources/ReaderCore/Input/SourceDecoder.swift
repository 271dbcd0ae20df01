import FoundationEssentials
import Glibc

/// Turns a document's bytes into text: any bytes at all give text, and what was wrong is counted.
///
/// The encoding is the one asked for, or the one `EncodingDetector` finds (UTF-8 unless the
/// bytes say otherwise); UTF-8 and UTF-16 are decoded here, every other encoding by iconv
/// (`IconvDecoder`). A byte order mark is dropped. Invalid sequences become U+FFFD, one per maximal invalid
/// subpart (the Unicode practice, as `String(decoding:as:)` does), and their bytes are
/// counted. NUL becomes U+FFFD too. CRLF and lone CR become `\n`. Pure: no I/O.
///
/// The work is done by the standard library's validating and repairing decoders and by
/// `memchr`, never by a Swift loop over every byte, so a 10 MB file decodes quickly even in
/// a debug build.
public enum SourceDecoder {
  /// Decodes `bytes` in `encoding`, or in the encoding `EncodingDetector` finds when it is nil.
  public static func decode(_ bytes: [UInt8], encoding: SourceEncoding? = nil) -> DecodedSource {
    let (encoding, markLength) =
      encoding.map { given in
        // A byte order mark of the encoding asked for is still not text.
        let mark = bytes.withUnsafeBytes { SourceEncoding.byteOrderMark($0) }
        return (given, mark?.encoding == given ? mark!.length : 0)
      } ?? bytes.withUnsafeBytes { EncodingDetector.detect($0) }
    switch encoding {
    case _ where encoding.isUTF8:
      // Without a mark the bytes go as they are: a copy would hold a 100 MB file twice.
      var decoded = decodeUTF8(markLength == 0 ? bytes : Array(bytes[markLength...]))
      decoded.looksBinary = BinaryDetector.looksBinary(bytes)
      return decoded
    case .utf16LittleEndian, .utf16BigEndian:
      return decodeUTF16(bytes, from: markLength, bigEndian: encoding == .utf16BigEndian)
    default:
      guard let decoder = IconvDecoder(from: encoding) else { return decode(bytes, encoding: .utf8) }
      let decoded = decodeLegacy(bytes[markLength...], with: decoder)
      // uchardet says Big5 for Hong Kong text too; HKSCS reads what plain Big5 cannot.
      if encoding == .big5, decoded.invalidBytes > 0, let wider = IconvDecoder(from: .big5HKSCS) {
        let widened = decodeLegacy(bytes[markLength...], with: wider)
        if widened.invalidBytes < decoded.invalidBytes { return widened }
      }
      return decoded
    }
  }

  /// Decodes with iconv; binary content is judged on the decoded text, whose controls are the
  /// file's whatever its encoding.
  private static func decodeLegacy(_ bytes: ArraySlice<UInt8>, with decoder: IconvDecoder) -> DecodedSource {
    let utf8 = bytes.withUnsafeBytes { decoder.decode($0, isLast: true) }
    var decoded = decodeUTF8(utf8)
    decoded.encoding = decoder.encoding
    decoded.invalidBytes = decoder.invalidBytes
    decoded.looksBinary = BinaryDetector.looksBinary(utf8)
    return decoded
  }

  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  private static func decodeUTF8(_ input: [UInt8]) -> DecodedSource {
    let (body, nul) = normalizingLineEndsAndNUL(input)
    if let text = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
      return DecodedSource(
        text: text, encoding: .utf8, invalidBytes: 0, nulCharacters: nul, looksBinary: false)
    }
    let text = body.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    // Every U+FFFD the decoder added stands for an invalid sequence and takes 3 bytes of the
    // text; U+FFFD already in the input (EF BF BD is always decoded as itself) is not one.
    let added = replacementCount(in: Array(text.utf8)) - replacementCount(in: body)
    let validBytes = text.utf8.count - 3 * added
    return DecodedSource(
      text: text, encoding: .utf8, invalidBytes: body.count - validBytes, nulCharacters: nul,
      looksBinary: false)
  }

  /// The bytes with CRLF and CR turned into LF and NUL into U+FFFD, and the number of NULs.
  private static func normalizingLineEndsAndNUL(_ input: [UInt8]) -> (bytes: [UInt8], nul: Int) {
    input.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return (input, 0) }
      func find(_ byte: Int32, from index: Int) -> Int {
        guard index < buffer.count, let found = memchr(base + index, byte, buffer.count - index) else {
          return buffer.count
        }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
      }
      // The next NUL and the next CR, each searched again only once passed (else a file
      // with many lines and no NUL would be scanned to its end once per line).
      var nextNUL = find(0, from: 0)
      var nextCR = find(0x0D, from: 0)
      func next(from index: Int) -> Int? {
        if nextNUL < index { nextNUL = find(0, from: index) }
        if nextCR < index { nextCR = find(0x0D, from: index) }
        let special = min(nextNUL, nextCR)
        return special < buffer.count ? special : nil
      }
      guard var special = next(from: 0) else { return (input, 0) }
      var output: [UInt8] = []
      output.reserveCapacity(buffer.count + 16)
      var nul = 0
      var index = 0
      while true {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<special]))
        if buffer[special] == 0 {
          nul += 1
          output.append(contentsOf: replacement)
          index = special + 1
        } else {
          output.append(0x0A)
          index = special + 1 < buffer.count && buffer[special + 1] == 0x0A ? special + 2 : special + 1
        }
        guard index < buffer.count, let found = next(from: index) else { break }
        special = found
      }
      if index < buffer.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index...])) }
      return (output, nul)
    }
  }

  /// How many times EF BF BD (U+FFFD in UTF-8) occurs in `bytes`.
  private static func replacementCount(in bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      var count = 0
      var index = 0
      while index < buffer.count, let found = memchr(base + index, 0xEF, buffer.count - index) {
        let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        if position + 2 < buffer.count && buffer[position + 1] == 0xBF && buffer[position + 2] == 0xBD {
          count += 1
        }
        index = position + 1
      }
      return count
    }
  }

  private static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> DecodedSource {
    let unitCount = (bytes.count - start) / 2
    var units = [UInt16](repeating: 0, count: unitCount)
    units.withUnsafeMutableBytes { destination in
      bytes.withUnsafeBytes { source in
        destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<start + 2 * unitCount]))
      }
    }
    if bigEndian != (UInt16(bigEndian: 1) == 1) {
      for index in 0..<unitCount { units[index] = units[index].byteSwapped }
    }
    var suspicious = 0
    let sampled = min(unitCount, BinaryDetector.sampleSize / 2)
    for index in 0..<sampled where BinaryDetector.isSuspicious(UInt32(units[index])) { suspicious += 1 }
    let oddByte = (bytes.count - start) % 2
    var text = units.withUnsafeBufferPointer { String(decoding: $0, as: UTF16.self) }
    if oddByte == 1 { text.unicodeScalars.append("\u{FFFD}") }
    // A lone surrogate (two bytes) is the only invalid UTF-16; each became one U+FFFD.
    let originalReplacements = units.reduce(0) { $0 + ($1 == 0xFFFD ? 1 : 0) }
    let loneSurrogates = replacementCount(in: Array(text.utf8)) - oddByte - originalReplacements
    var decoded = decodeUTF8(Array(text.utf8))
    decoded.encoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
    decoded.invalidBytes = 2 * loneSurrogates + oddByte
    decoded.looksBinary = BinaryDetector.looksBinary(suspicious: suspicious, sampled: sampled)
    return decoded
  }
}
