/// How many bytes of records a batch holds at most (it ends early at this
/// size): with long signatures in every row, a batch of the usual number of
/// records would keep megabytes in every queue slot. CSV batches and dump
/// batches both keep to it.
let undecodedBatchBytes = 1 << 20
