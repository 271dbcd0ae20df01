import Foundation
import Glibc

/// The plain-text novel fixtures of `Tests/Fixtures/`, written to temporary files in any encoding.
enum NovelFiles {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// 《紅樓夢》 chapters 1 to 4, hard-wrapped, with 回 chapters and 卷 volumes.
  static var hongloumeng: String { text("hongloumeng-excerpt.txt") }
  /// A diary whose prose has lines starting 第一次, 第二天, 第三部分.
  static var diary: String { text("diary-with-ordinals.txt") }

  static func text(_ name: String) -> String {
    (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  /// `text` written in `encoding` by glibc's iconv.
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

  /// Writes `bytes` to a new file called `name` in a fresh temporary folder; returns its path.
  static func write(_ bytes: [UInt8], named name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-novel-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file.path
  }
}
