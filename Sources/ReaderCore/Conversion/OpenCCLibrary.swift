import COpenCC
import FoundationEssentials
import Glibc

/// Finds OpenCC configurations in a list of data directories and opens each one once, on first use.
///
/// Opening s2t-like configurations costs about 40 ms and 8.6 MB, so handles are kept and shared;
/// a configuration whose data is missing is reported as a `ConversionError`, never a crash.
public final class OpenCCLibrary: @unchecked Sendable {
  /// The environment variable that replaces the data directories: a ':'-separated list.
  public static let dataDirectoriesVariable = "READER_OPENCC_DATA"

  /// The file that marks a directory of OpenCC 1.4.2 dictionaries compiled by
  /// `scripts/opencc-dictionaries` (with the project's phrase table).
  public static let compiledMarker = "READER-OPENCC-DICTIONARIES"

  /// Where OpenCC's own data lives on Debian first, then where other installs put it.
  public static let systemDataDirectories = [
    "/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc",
  ]

  /// Where the compiled 1.4.2 dictionaries are looked for: beside the executable (what
  /// `make build` writes), then the share folder of the prefix it is installed in (`make
  /// install`: PREFIX/bin/reader reads PREFIX/share/reader/opencc), then the usual prefixes.
  public static func compiledDataDirectories(executable: String? = executablePath()) -> [String] {
    var directories: [String] = []
    if let executable {
      let folder = PathText.folder(of: executable)
      directories.append(folder + "/opencc")
      let prefix = PathText.folder(of: folder)
      directories.append((prefix.isEmpty ? "" : prefix) + "/share/reader/opencc")
    }
    for installed in ["/usr/local/share/reader/opencc", "/usr/share/reader/opencc"]
    where !directories.contains(installed) {
      directories.append(installed)
    }
    return directories
  }

  /// The compiled dictionaries first, then the system's: a configuration missing from the first
  /// (or all of them, when they were not built) comes from the next.
  public static var standardDataDirectories: [String] {
    compiledDataDirectories() + systemDataDirectories
  }

  /// The library the viewer and the command line share: `READER_OPENCC_DATA` or the standard list.
  public static let shared = OpenCCLibrary(
    dataDirectories: directories(fromVariable: getenv(dataDirectoriesVariable).map { String(cString: $0) })
      ?? standardDataDirectories)

  /// The running program's own path, symbolic links resolved, or nil when it cannot be told.
  public static func executablePath() -> String? {
    guard let path = realpath("/proc/self/exe", nil) else { return nil }
    defer { free(path) }
    return String(cString: path)
  }

  /// The directories searched for `NAME.json`, in order, as absolute paths.
  public let dataDirectories: [String]

  private let lock = Lock()
  private var opened: [String: Result<OpenCCConverter, ConversionError>] = [:]

  public init(dataDirectories: [String]) {
    self.dataDirectories = dataDirectories.filter { !$0.isEmpty }.map {
      $0.hasPrefix("/") ? $0 : Self.currentDirectory() + "/" + $0
    }
  }

  /// The working directory, from getcwd: the shared library is made before the first screen,
  /// where FileManager's first use cost more than the rest of it.
  private static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The converter for configuration `name` ("s2tw" or "s2tw.json"), opened on the first call.
  ///
  /// A configuration that is absent is looked for again on the next call; one that is present
  /// but fails to open is not retried.
  public func converter(named name: String) throws(ConversionError) -> OpenCCConverter {
    let base = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    guard Self.isConfigName(base) else { throw .invalidConfigName(name) }
    lock.lock()
    defer { lock.unlock() }
    if let result = opened[base] { return try result.get() }
    guard let path = locate(base) else {
      throw .dataMissing(config: base, searched: dataDirectories)
    }
    let result = Self.open(name: base, path: path)
    opened[base] = result
    return try result.get()
  }

  /// The configurations opened so far (those that failed to open too), by name.
  var openedNames: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return Set(opened.keys)
  }

  /// Whether `converter` was opened from compiled 1.4.2 dictionaries (a directory with
  /// `compiledMarker`), rather than the system's older ones.
  public func isCompiled(_ converter: OpenCCConverter) -> Bool {
    let folder = PathText.folder(of: converter.path)
    return access(folder + "/" + Self.compiledMarker, R_OK) == 0
  }

  /// One line to show once when `name` comes from the system's dictionaries because the compiled
  /// 1.4.2 ones are not there; nil when they are (or when nothing can be opened at all).
  public func fallbackNotice(for name: String) -> String? {
    fallbackFolder(for: name).map { Message.fallbackDictionaries(folder: $0).text(in: .english) }
  }

  /// The folder of the older dictionaries that convert with `name`, when they are not OpenCC 1.4.2's.
  public func fallbackFolder(for name: String) -> String? {
    guard let converter = try? converter(named: name), !isCompiled(converter) else { return nil }
    return PathText.folder(of: converter.path)
  }

  /// The path of `NAME.json` in the first data directory that has it.
  public func locate(_ name: String) -> String? {
    for directory in dataDirectories {
      let path = directory.hasSuffix("/") ? directory + name + ".json" : directory + "/" + name + ".json"
      if access(path, R_OK) == 0 { return path }
    }
    return nil
  }

  /// OpenCC keeps one error message for the whole process; read it right after a failure.
  static func lastErrorMessage() -> String {
    guard let message = reader_opencc_error()() else { return "unknown error" }
    let text = String(cString: message)
    return text.isEmpty ? "unknown error" : text
  }

  static func directories(fromVariable value: String?) -> [String]? {
    guard let value, !value.isEmpty else { return nil }
    return value.split(separator: ":").map(String.init)
  }

  private static func isConfigName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 64
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "_" || $0 == "-"
      }
  }

  /// Opens by absolute path: a bare name would be looked up in the current directory first.
  private static func open(name: String, path: String) -> Result<OpenCCConverter, ConversionError> {
    // On failure opencc_open returns (opencc_t)-1, not NULL; that value must never be closed.
    let failed = UnsafeMutableRawPointer(bitPattern: -1)
    guard reader_opencc_library() != nil else {
      return .failure(.openFailed(path: path, reason: "libopencc.so.1.1 cannot be loaded"))
    }
    guard let handle = reader_opencc_open()(path), handle != failed else {
      return .failure(.openFailed(path: path, reason: lastErrorMessage()))
    }
    // Loading a phrase dictionary frees about 3.5 MB of temporaries that glibc would keep: give
    // them back to the system (the peak stays, what the viewer holds afterwards drops).
    malloc_trim(0)
    return .success(OpenCCConverter(name: name, path: path, handle: handle))
  }
}
