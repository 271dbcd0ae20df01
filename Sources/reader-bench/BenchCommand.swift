import Foundation
import ReaderCore

/// `reader-bench`: throughput of each stage of showing a document, on one or more files.
///
/// Usage: `swift run -c release reader-bench [--doc PATH]... [--width N] [--size COLSxROWS]
/// [--chunk-size BYTES] [--chunked-only]`.
/// Without `--doc` it reads every `*.md` in `.build/bench-docs/` (made by
/// `scripts/generate-documents .build/bench-docs`). Figures are wall-clock medians of a few runs
/// (one run for documents over 20 MB), in milliseconds and MB/s of source bytes (10^6 bytes).
@main
struct BenchCommand {
  static func main() {
    let options: BenchOptions
    do {
      options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
      FileHandle.standardError.write(Data("reader-bench: \(error)\n".utf8))
      exit(64)
    }
    print("reader-bench: \(options.paths.count) document(s), layout width \(options.width), ", terminator: "")
    print("screen \(options.size.width)x\(options.size.height)")
    for path in options.paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        print("\n\(path): cannot read")
        continue
      }
      DocumentBench(path: path, bytes: [UInt8](data), options: options).run()
    }
  }
}
