import Foundation
import ReaderCore

/// The command line of `reader-bench`.
struct BenchOptions {
  var paths: [String] = []
  var width = 80
  var chunkSize = 1 << 20
  /// Only the chunked parse, the part that runs in the background while the reader is open.
  var chunkedOnly = false
  /// Only the viewer's keypresses (reduce + render), with the background work done first.
  var keysOnly = false
  /// Only the search: the index of the whole document (at any size) and a few counts.
  var searchOnly = false
  var size = TerminalSize(width: 120, height: 40)

  /// Why the command line was refused.
  struct UsageError: Error, CustomStringConvertible {
    let description: String
  }

  static let usage =
    "usage: reader-bench [--doc PATH]... [--width N] [--size COLSxROWS] [--chunk-size BYTES] [--chunked-only] [--keys-only] [--search-only]"

  init(arguments: [String]) throws {
    var remaining = arguments[...]
    func value(for option: String) throws -> String {
      guard let value = remaining.popFirst() else { throw UsageError(description: "\(option) needs a value") }
      return value
    }
    while let argument = remaining.popFirst() {
      switch argument {
      case "--doc":
        paths.append(try value(for: argument))
      case "--width":
        guard let width = Int(try value(for: argument)), width > 0 else {
          throw UsageError(description: "--width takes a positive number")
        }
        self.width = width
      case "--chunk-size":
        guard let bytes = Int(try value(for: argument)), bytes > 0 else {
          throw UsageError(description: "--chunk-size takes a positive number of bytes")
        }
        chunkSize = bytes
      case "--chunked-only":
        chunkedOnly = true
      case "--keys-only":
        keysOnly = true
      case "--search-only":
        searchOnly = true
      case "--size":
        let parts = try value(for: argument).split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
          throw UsageError(description: "--size takes COLSxROWS, e.g. 120x40")
        }
        size = TerminalSize(width: parts[0], height: parts[1])
      case "-h", "--help":
        throw UsageError(description: Self.usage)
      default:
        throw UsageError(description: "unknown argument '\(argument)'\n\(Self.usage)")
      }
    }
    if paths.isEmpty { paths = try Self.generatedDocuments() }
  }

  /// The generated documents in `.build/bench-docs`, smallest first.
  private static func generatedDocuments() throws -> [String] {
    let directory = ".build/bench-docs"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let paths = names.filter { $0.hasSuffix(".md") }.map { directory + "/" + $0 }
    guard !paths.isEmpty else {
      throw UsageError(
        description:
          "no --doc given and no documents in \(directory); run scripts/generate-documents \(directory)")
    }
    func size(_ path: String) -> Int {
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
    return paths.sorted { size($0) < size($1) }
  }
}
