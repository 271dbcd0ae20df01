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
  /// Text whose first `plainSampleSize` bytes are valid UTF-8 with at least this many bytes of
  /// 0x80 and above (some 1,400 Chinese characters) is UTF-8 without a look at the rest of the
  /// sample: no legacy encoding's Chinese is valid UTF-8 for so long, and validating the whole
  /// sample was a millisecond of a large file's first screen.
  public static let plainEvidence = 4096
  public static let plainSampleSize = 16 << 10

  /// The encoding of `bytes` and how many bytes of byte order mark to skip before decoding.
  public static func detect(_ bytes: UnsafeRawBufferPointer) -> (encoding: SourceEncoding, markLength: Int) {
    if let mark = SourceEncoding.byteOrderMark(bytes) { return (mark.encoding, mark.length) }
    let sample = UnsafeRawBufferPointer(rebasing: bytes.prefix(CharsetDetector.sampleSize))
    guard let base = sample.baseAddress else { return (.utf8, 0) }
    if memchr(base, 0, sample.count) != nil, let unicode = UnicodeWithoutMark.guess(sample) {
      return (unicode, 0)
    }
    if sample.count > plainSampleSize {
      let start = UnsafeRawBufferPointer(rebasing: sample.prefix(plainSampleSize))
      let end = completeSequencesEnd(start)
      let body = UnsafeRawBufferPointer(rebasing: start[..<end])
      if highBytes(body) >= plainEvidence && isValidUTF8(body) { return (.utf8, 0) }
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
    let body = UnsafeRawBufferPointer(
      rebasing: sample[..<(isWhole ? sample.count : completeSequencesEnd(sample))])
    // Valid UTF-8, most files, is told by the standard library's validation, far faster than the
    // walk below; damaged text is walked once: String's repairing decoder, asked the same,
    // replaced each damaged sequence in turn (20 ms of a GB18030 file's 256 KB sample).
    if isValidUTF8(body) { return (0, highBytes(body)) }
    var invalid = 0
    var high = 0
    var index = 0
    while index < body.count {
      let lead = body[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length = validSequenceLength(body, at: index)
      let covered = max(length, 1)
      high += covered
      if length == 0 { invalid += 1 }
      index += covered
    }
    return (invalid, high)
  }

  /// Where `sample`, a start of the file, ends once a sequence its end may have cut is left out.
  private static func completeSequencesEnd(_ sample: UnsafeRawBufferPointer) -> Int {
    let end = sample.count
    var lead = end
    while lead > 0 && end - lead < 3 && sample[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
    return lead > 0 && sample[lead - 1] >= 0xC0 ? lead - 1 : end
  }

  /// Validates without copying the bytes into a string.
  private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    (try? UTF8Span(validating: bytes.assumingMemoryBound(to: UInt8.self).span)) != nil
  }

  private static func highBytes(_ bytes: UnsafeRawBufferPointer) -> Int {
    bytes.reduce(0) { $0 &+ ($1 >= 0x80 ? 1 : 0) }
  }

  /// The length of the well-formed UTF-8 sequence (Unicode's table 3-7) that starts at `index`
  /// with a byte of 0x80 or more, or 0 when none does.
  private static func validSequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var top: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      top = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      top = 0x8F
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    let second = bytes[index + 1]
    guard second >= low && second <= top else { return 0 }
    for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    return length
  }
}
