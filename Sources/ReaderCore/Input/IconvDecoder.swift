import Glibc

/// Decodes bytes in one encoding to UTF-8 with glibc's iconv, a chunk at a time.
///
/// A sequence cut by the end of a chunk is kept for the next one. A byte iconv cannot read is
/// skipped and counted, and each run of such bytes becomes one U+FFFD, so decoding never stops
/// and never loses the text after damage. One decoder reads one stream; it may move between
/// threads but is used by one at a time.
public final class IconvDecoder: @unchecked Sendable {
  public let encoding: SourceEncoding
  private let handle: iconv_t
  private var pending: [UInt8] = []
  private var startsStream = true
  /// Bytes that were not valid in `encoding`, so far.
  public private(set) var invalidBytes = 0

  /// A decoder from `encoding`, or nil when iconv does not know it.
  public init?(from encoding: SourceEncoding) {
    guard let handle = iconv_open("UTF-8", encoding.name), Int(bitPattern: handle) != -1 else { return nil }
    self.encoding = encoding
    self.handle = handle
  }

  deinit { iconv_close(handle) }

  /// Whether iconv can read `name`.
  public static func knows(_ name: String) -> Bool {
    IconvDecoder(from: SourceEncoding(name: name)) != nil
  }

  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// The UTF-8 for `bytes`, the next part of the stream; `isLast` ends it (an unfinished
  /// sequence at the end is then invalid). A byte order mark at the start of the stream is dropped.
  public func decode(_ bytes: UnsafeRawBufferPointer, isLast: Bool) -> [UInt8] {
    var input = pending
    input.append(contentsOf: bytes)
    pending = []
    var output = [UInt8](repeating: 0, count: 3 * input.count + 16)
    var written = 0
    var lastReplacementEnd = -1
    /// One iconv call from `source` (nil: finish the stream) into the free part of `output`.
    func convert(_ source: inout UnsafeMutablePointer<CChar>?, _ left: inout Int, finish: Bool) -> Int32? {
      output.withUnsafeMutableBytes { outputBuffer -> Int32? in
        var outPointer: UnsafeMutablePointer<CChar>? =
          (outputBuffer.baseAddress! + written).assumingMemoryBound(to: CChar.self)
        var outLeft = outputBuffer.count - written
        let result =
          finish
          ? iconv(handle, nil, nil, &outPointer, &outLeft)
          : iconv(handle, &source, &left, &outPointer, &outLeft)
        written = outputBuffer.count - outLeft
        return result == -1 ? errno : nil
      }
    }
    func grow() { output += [UInt8](repeating: 0, count: output.count) }
    input.withUnsafeMutableBytes { inputBuffer in
      var inPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
      var inLeft = inputBuffer.count
      while inLeft > 0, let code = convert(&inPointer, &inLeft, finish: false) {
        if code == E2BIG {
          grow()
        } else if code == EINVAL && !isLast {
          pending = Array(UnsafeRawBufferPointer(start: inPointer, count: inLeft))
          inLeft = 0
        } else {
          // EILSEQ, or an unfinished sequence at the end: skip a byte, mark the damage once.
          let skipped = code == EINVAL ? inLeft : 1
          invalidBytes += skipped
          if lastReplacementEnd != written {
            if written + 3 > output.count { grow() }
            output.replaceSubrange(written..<written + 3, with: Self.replacement)
            written += 3
            lastReplacementEnd = written
          }
          inPointer = inPointer.map { $0 + skipped }
          inLeft -= skipped
        }
      }
      if isLast {
        var none: UnsafeMutablePointer<CChar>? = nil
        var zero = 0
        while convert(&none, &zero, finish: true) == E2BIG { grow() }
      }
    }
    output.removeSubrange(written...)
    if startsStream && !output.isEmpty {
      startsStream = false
      if output.starts(with: [0xEF, 0xBB, 0xBF]) { output.removeFirst(3) }
    }
    return output
  }
}
