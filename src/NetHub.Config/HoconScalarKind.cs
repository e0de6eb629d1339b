namespace NetHub.Configuration;

internal enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
