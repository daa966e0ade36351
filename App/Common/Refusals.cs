namespace HocTapSuotDoi.Common;

// The refusals every feature throws and every page shows (UserMessages.Of): the message is Vietnamese, for a person.

// Not allowed for this user or not in their scope; endpoints answer 403.
public sealed class ForbiddenException(string message = "Bạn không có quyền thực hiện thao tác này.") : Exception(message);

// Someone else saved the row since it was loaded (its version moved); nothing was saved.
public sealed class StaleEditException(string message) : Exception(message);
