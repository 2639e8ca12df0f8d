import Exporters
import Foundation

/// The directory that `run --export` and `export --to autoconfig` write
/// into: made when missing (with its parents), listed and pruned of old
/// exports. Its errors name the directory and the system's reason, not
/// Foundation's error dump.
enum ExportDirectory {
    static func create(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, message: "it is a file, not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, message: "the directory cannot be created (\(reason(error)))")
        }
    }

    static func names(in path: String) throws(OutputError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw OutputError(path: path, message: "the directory cannot be listed (\(reason(error)))")
        }
    }

    static func remove(_ path: String) throws(OutputError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw OutputError(path: path, message: "an old export cannot be removed (\(reason(error)))")
        }
    }

    /// The operating system's words for a Foundation file error (`No such file or directory`).
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        return error.localizedDescription
    }
}
