/// Ids of other records in the source ERP that an account points at. They mean
/// something only inside that ERP, but a migration back into it needs them.
public struct ErpReferences: Sendable, Hashable {
    /// OpenXE `projekt`.
    public var projectID: String = ""
    /// OpenXE `firma`.
    public var companyID: String = ""
    /// OpenXE `adresse`: the employee the account belongs to.
    public var employeeID: String = ""
    /// OpenXE `geschaeftsbriefvorlage`: the letter template.
    public var letterTemplateID: String = ""

    public init() {}
}
