import Foundation
import XCTest

/// Files from anywhere: the real binary never crashes on them and never lets a control byte out.
final class HostileInputTests: XCTestCase {
  /// Bytes that must never appear in output: C0 controls but line feed, DEL, C1 controls
  /// (UTF-8 C2 80 to C2 9F) and bidi overrides and isolates (E2 80 AA-AE, E2 81 A6-A9).
  static func controlBytes(in output: [UInt8]) -> [String] {
    var found: [String] = []
    for index in output.indices {
      let byte = output[index]
      let next = index + 1 < output.count ? output[index + 1] : 0
      let third = index + 2 < output.count ? output[index + 2] : 0
      if (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
        found.append(String(format: "%02X at %d", byte, index))
      } else if byte == 0xC2 && (0x80...0x9F).contains(next) {
        found.append(String(format: "C2 %02X at %d", next, index))
      } else if byte == 0xE2
        && ((next == 0x80 && (0xAA...0xAE).contains(third))
          || (next == 0x81 && (0xA6...0xA9).contains(third)))
      {
        found.append(String(format: "E2 %02X %02X at %d", next, third, index))
      }
    }
    return found
  }

  func testEscapeSequencesInEveryPartOfADocumentArePrintedAsVisibleSymbols() throws {
    let files = try HostileFiles()
    let path = try files.write("escapes.md", HostileFiles.escapes)
    for width in ["0", "80", "17"] {
      let result = try ReaderProcess.run(["--print", "--width", width, path])
      XCTAssertEqual(result.status, 0, result.standardError)
      XCTAssertEqual(Self.controlBytes(in: result.standardOutput), [], "width \(width)")
    }
    for mode in ["--outline", "--factions"] {
      let result = try ReaderProcess.run([mode, path])
      XCTAssertEqual(result.status, 0, result.standardError)
      XCTAssertEqual(Self.controlBytes(in: result.standardOutput), [], mode)
    }
    XCTAssertTrue(try ReaderProcess.run(["--outline", path]).text.contains("Heading ␛]0;pwned␇"))
    let text = try ReaderProcess.run(["--print", "--width", "0", path]).text
    XCTAssertTrue(text.contains("Heading ␛]0;pwned␇ and ␛[2J clear and ␛]2;entity␇\n"), text)
    XCTAssertTrue(text.contains("code block ␛]0;code-title␇      tab"), "tab to column 32: \(text)")
    XCTAssertTrue(text.contains("⦃202E⦄reversed⦃202C⦄"), text)
  }

  func testPipedOutputIsJustAsClean() throws {
    // Standard output is a pipe, not a terminal, so the document is printed even without --print.
    let result = try ReaderProcess.run(["-"], input: HostileFiles.escapes)
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(Self.controlBytes(in: result.standardOutput), [])
    XCTAssertTrue(result.text.contains("␛]0;pwned␇"))
  }

  func testInvalidBytesNULAndLineEndsAreReadAsText() throws {
    let files = try HostileFiles()
    let bytes: [UInt8] = Array("# 標題\r\n\r\n第一行\r第二段".utf8) + [0xE4, 0xB8] + Array(" and\0NUL\r\n".utf8)
    let path = try files.write("mixed.md", bytes)
    let result = try ReaderProcess.run(["--print", path])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(result.text, "標題\n\n第一行第二段\u{FFFD} and\u{FFFD}NUL\n")
  }

  func testUTF16FilesWithAByteOrderMarkAreDecoded() throws {
    let files = try HostileFiles()
    let text = "# 第一章\r\n\r\n大家好，這裡是 😀 plain text.\r\n"
    var little: [UInt8] = [0xFF, 0xFE]
    var big: [UInt8] = [0xFE, 0xFF]
    for unit in text.utf16 {
      little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    for (name, bytes) in [("le.md", little), ("be.md", big)] {
      let result = try ReaderProcess.run(["--print", try files.write(name, bytes)])
      XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
      XCTAssertEqual(result.text, "第一章\n\n大家好，這裡是 😀 plain text.\n", name)
    }
  }

  func testABinaryFileIsRefusedWithOneLineUnlessForced() throws {
    let files = try HostileFiles()
    var elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 300)
    elf += Array("\u{1B}]0;pwned\u{7}/lib64/ld-linux-x86-64.so.2\n".utf8) + (0..<2000).map { UInt8($0 % 7) }
    let path = try files.write("program", elf)
    let refused = try ReaderProcess.run(["--print", path])
    XCTAssertEqual(refused.status, 66)
    XCTAssertEqual(refused.standardOutput, [])
    XCTAssertEqual(
      refused.standardError, "reader: '\(path)' looks like a binary file (use --force to open it anyway)\n")
    let piped = try ReaderProcess.run(["-"], input: elf)
    XCTAssertEqual(piped.status, 66)
    XCTAssertEqual(
      piped.standardError, "reader: '-' looks like a binary file (use --force to open it anyway)\n")
    let forced = try ReaderProcess.run(["--print", "--force", path])
    XCTAssertEqual(forced.status, 0, forced.standardError)
    XCTAssertEqual(Self.controlBytes(in: forced.standardOutput), [])
    XCTAssertTrue(forced.text.hasPrefix("␡ELF"), forced.text)
    XCTAssertTrue(forced.text.contains("␛]0;pwned␇"))
  }

  /// A device without an end is refused at a bound with one line, not read until memory runs out.
  func testADeviceThatNeverEndsIsRefusedAtOnce() throws {
    for device in ["/dev/zero", "/dev/urandom"] {
      let started = Date()
      let refused = try ReaderProcess.run(["--print", device])
      XCTAssertEqual(refused.status, 65, refused.standardError)
      XCTAssertEqual(refused.standardOutput, [])
      XCTAssertEqual(
        refused.standardError,
        "reader: cannot open '\(device)': more than 256 MiB from a pipe or a device, which is read whole "
          + "(save it to a file to read it)\n")
      XCTAssertLessThan(Date().timeIntervalSince(started), 30, "refused after reading its bound, not later")
    }
  }

  func testAFileNameWithEscapesNeverReachesStandardError() throws {
    let files = try HostileFiles()
    let missing = files.directory.appendingPathComponent("no\u{1B}]0;pwned\u{7}\nsuch").path
    let result = try ReaderProcess.run(["--print", missing])
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(Self.controlBytes(in: Array(result.standardError.utf8)), [])
    XCTAssertTrue(
      result.standardError.hasSuffix("no␛]0;pwned␇␊such': No such file or directory\n"), result.standardError)
  }

  func testAFileWhoseNameIsNotUTF8Opens() throws {
    let files = try HostileFiles()
    let directory = files.directory.path
    _ = try files.write("plain.md", "# 標題\n")
    // Process takes String arguments, so the shell makes the name's bytes (FF FE, not UTF-8).
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = [
      "-c",
      "mv \"$1/plain.md\" \"$1/$(printf '\\377\\376').md\" && exec \"$2\" --print \"$1/$(printf '\\377\\376').md\"",
      "sh", directory, ReaderProcess.executable.path,
    ]
    let output = Pipe()
    shell.standardOutput = output
    shell.standardError = Pipe()
    try shell.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    shell.waitUntilExit()
    XCTAssertEqual(shell.terminationStatus, 0)
    XCTAssertEqual(text, "標題\n")
  }

  func testAnEmptyFilePrintsNothingAndSucceeds() throws {
    let files = try HostileFiles()
    for (name, bytes) in [
      ("empty.md", [UInt8]()), ("bom.md", [0xEF, 0xBB, 0xBF]), ("blank.txt", Array(" \r\n\n".utf8)),
    ] {
      let result = try ReaderProcess.run(["--print", try files.write(name, bytes)])
      XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
      XCTAssertEqual(result.text, "", name)
    }
  }

  func testHugeAndDeepDocumentsPrintWithinTheWidth() throws {
    let files = try HostileFiles()
    var line = ""
    while line.utf8.count < 1 << 20 { line += "大家好 word 這裡是最佳拍檔。" }
    let nested =
      (0..<60).map { String(repeating: "  ", count: $0) + "- level \($0 + 1)" }.joined(separator: "\n")
      + "\n\n"
      + String(repeating: "> ", count: 60) + "deep quote\n\n" + String(repeating: "> ", count: 30_000)
      + "deeper\n"
    let table =
      "|" + (0..<500).map { " 欄\($0) |" }.joined() + "\n|" + String(repeating: "---|", count: 500) + "\n"
    for (name, text) in [("line.md", line), ("nested.md", nested), ("table.md", table)] {
      let result = try ReaderProcess.run(["--print", "--width", "60", try files.write(name, text)])
      XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
      let rows = result.text.split(separator: "\n")
      XCTAssertFalse(rows.isEmpty, name)
      XCTAssertTrue(rows.allSatisfy { PrintTests.columns(String($0)) <= 60 }, name)
    }
  }
}
