using System.Runtime.CompilerServices;

// The P/Invoke buffers (positions, error text) are written by the library before they are read: skip zeroing them.
[module: SkipLocalsInit]
