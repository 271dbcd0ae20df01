import FoundationEssentials
import Glibc

/// Decides which encoding a document's bytes are in, looking only at their start.
///
/// In order: a byte order mark; UTF-16 or UTF-32 without one (`UnicodeWithoutMark`); UTF-8 when
/// the sample is valid UTF-8 (a detector never overrides valid UTF-8) or nearly so (a UTF-8 file
/// with a few damaged bytes stays UTF-8, its damage replaced); otherwise uchardet's answer
/// (`CharsetDetector`), when iconv knows it and it reads the sample better than UTF-8 does.
public enum EncodingDetector {
  /// Below this many bytes of 0x80 and above, nothing but UTF-8 is considered: so little text
  /// gives a detector no evidence, and a short UTF-8 note with a stray byte stays UTF-8.
  public static let minimumEvidence = 64

  /// The encoding of `bytes` and how many bytes of byte order mark to skip before decoding.
  public static func detect(_ bytes: UnsafeRawBufferPointer) -> (encoding: SourceEncoding, markLength: Int) {
    if let mark = SourceEncoding.byteOrderMark(bytes) { return (mark.encoding, mark.length) }
    let sample = UnsafeRawBufferPointer(rebasing: bytes.prefix(CharsetDetector.sampleSize))
    guard let base = sample.baseAddress else { return (.utf8, 0) }
    if memchr(base, 0, sample.count) != nil, let unicode = UnicodeWithoutMark.guess(sample) {
      return (unicode, 0)
    }
    let (invalid, highBytes) = utf8Damage(sample, isWhole: sample.count == bytes.count)
    if invalid == 0 || highBytes < minimumEvidence || invalid * 20 < highBytes { return (.utf8, 0) }
    if let guess = CharsetDetector.guess(sample), let decoder = IconvDecoder(from: guess) {
      _ = decoder.decode(sample, isLast: false)
      if decoder.invalidBytes < invalid { return (guess, 0) }
    }
    if let unicode = UnicodeWithoutMark.guess(sample) { return (unicode, 0) }
    return (.utf8, 0)
  }

  /// The bytes of `sample` that are not valid UTF-8, and how many bytes are 0x80 or above. An
  /// unfinished sequence at the end of a sample that is not the whole file does not count.
  static func utf8Damage(_ sample: UnsafeRawBufferPointer, isWhole: Bool) -> (invalid: Int, high: Int) {
    var end = sample.count
    if !isWhole {
      // Back up over a sequence the sample's end may have cut.
      var lead = end
      while lead > 0 && end - lead < 3 && sample[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
      if lead > 0 && sample[lead - 1] >= 0xC0 { end = lead - 1 }
    }
    let body = UnsafeRawBufferPointer(rebasing: sample[..<end])
    let high = body.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
    if String(validating: body.assumingMemoryBound(to: UInt8.self), as: UTF8.self) != nil { return (0, high) }
    let text = String(decoding: body.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    var validBytes = 0
    for scalar in text.unicodeScalars where scalar != "\u{FFFD}" { validBytes += UTF8.width(scalar) }
    let originals = replacements(in: body)
    return (body.count - validBytes - 3 * originals, high)
  }

  private static func replacements(in bytes: UnsafeRawBufferPointer) -> Int {
    var count = 0
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
        count += 1
        index += 3
      } else {
        index += 1
      }
    }
    return count
  }
}
