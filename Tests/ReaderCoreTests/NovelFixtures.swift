import Foundation
import Glibc

/// The plain-text novel fixtures in `Tests/Fixtures/`, and the same text in other encodings.
enum NovelFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func text(_ name: String) -> String {
    (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  /// 《紅樓夢》 chapters 1 to 4, hard-wrapped, with 回 chapters and 卷 volumes.
  static let hongloumeng = text("hongloumeng-excerpt.txt")
  /// A diary whose prose has lines starting 第一次, 第二天, 第三部分.
  static let diary = text("diary-with-ordinals.txt")

  /// `text` written in `encoding` by glibc's iconv, as another program would have saved it.
  static func encode(_ text: String, as encoding: String) -> [UInt8] {
    guard let handle = iconv_open(encoding, "UTF-8"), Int(bitPattern: handle) != -1 else { return [] }
    defer { iconv_close(handle) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: 4 * input.count + 16)
    var inLeft = input.count
    var outLeft = output.count
    input.withUnsafeMutableBytes { source in
      output.withUnsafeMutableBytes { destination in
        var inPointer = source.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outPointer = destination.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
      }
    }
    return inLeft == 0 ? Array(output[..<(output.count - outLeft)]) : []
  }
}
