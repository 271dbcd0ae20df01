/// Turns a stream of bytes in any encoding into UTF-8 as it arrives, for filters such as
/// `reader convert`.
///
/// The encoding is the one given, or the one `EncodingDetector` finds in the stream's first
/// bytes, held back until there is enough evidence: `evidence` bytes of 0x80 and above (a few
/// lines of Chinese, so that a pipeline is not held up long), `CharsetDetector.sampleSize`
/// bytes, or the end of the stream.
/// UTF-8 passes through untouched, invalid bytes included, so a filter loses no byte of it;
/// any other encoding is decoded by iconv, its invalid bytes replaced by U+FFFD.
public struct StreamDecoder {
  public private(set) var encoding: SourceEncoding?
  private var held: [UInt8] = []
  private var heldHighBytes = 0
  /// Bytes of 0x80 and above after which the encoding is decided.
  public static let evidence = 512
  private var decoder: IconvDecoder?

  public init(encoding: SourceEncoding? = nil) {
    self.encoding = encoding
  }

  /// The UTF-8 for the next bytes of the stream (empty while the sample is still being gathered).
  public mutating func feed(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    if encoding == nil {
      held += bytes
      heldHighBytes += bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
      guard held.count >= CharsetDetector.sampleSize || heldHighBytes >= Self.evidence else { return [] }
      return decideAndRelease(isLast: false)
    }
    return convert(bytes, isLast: false)
  }

  /// The UTF-8 for whatever is left once the stream has ended.
  public mutating func finish() -> [UInt8] {
    encoding == nil ? decideAndRelease(isLast: true) : convert([], isLast: true)
  }

  /// Whether bytes are being decoded rather than passed through.
  public var isDecoding: Bool { decoder != nil }

  private mutating func decideAndRelease(isLast: Bool) -> [UInt8] {
    let (found, markLength) = held.withUnsafeBytes { EncodingDetector.detect($0) }
    encoding = found
    let sample = found.isUTF8 ? held[...] : held[markLength...]
    held = []
    return convert(sample, isLast: isLast)
  }

  private mutating func convert(_ bytes: ArraySlice<UInt8>, isLast: Bool) -> [UInt8] {
    guard let encoding, !encoding.isUTF8 else { return Array(bytes) }
    if decoder == nil { decoder = IconvDecoder(from: encoding) }
    guard let decoder else { return Array(bytes) }
    return bytes.withUnsafeBytes { decoder.decode($0, isLast: isLast) }
  }
}
