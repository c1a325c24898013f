using Waldur.Emulator.Data.Core;

namespace Waldur.Emulator.Writes;

/// <summary>
/// Who may write what. Waldur checks permissions in two ways: <c>waldur_core/structure/permissions.py</c>
/// (<c>_has_owner_access</c>: staff or <c>CUSTOMER.OWNER</c>; <c>_has_manager_access</c>: that or <c>PROJECT.MANAGER</c>;
/// <c>_has_admin_access</c>: that or <c>PROJECT.ADMIN</c>), and <c>waldur_core/permissions/utils.py permission_factory</c>
/// / <c>has_permission</c> over a role → permission table that lives in the database, not in the code. For the second the
/// emulator uses the grants Waldur's own tests make (<c>structure/tests/test_project.py</c>:
/// <c>CustomerRole.OWNER.add_permission(CREATE_PROJECT | UPDATE_PROJECT | DELETE_PROJECT)</c>,
/// <c>ProjectRole.MANAGER.add_permission(UPDATE_PROJECT)</c>); the rest are marked [UNVERIFIED] in the README.
/// </summary>
internal static class WriteAccess
{
    /// <summary><c>_has_owner_access(user, customer)</c>.</summary>
    public static bool Owner(CoreCaller caller, CoreCustomer customer) => caller.IsStaff || caller.RoleCustomers.Contains(customer);

    /// <summary>The caller's project role name on <paramref name="project"/> (<c>PROJECT.ADMIN</c>/<c>MANAGER</c>/<c>MEMBER</c>), or null.</summary>
    public static string? ProjectRole(CoreCaller caller, CoreProject project) =>
        caller.RoleProjects.Contains(project)
            ? caller.User?.Roles.FirstOrDefault(r => r.Project == project)?.Name ?? "PROJECT.MEMBER"
            : null;

    /// <summary><c>_has_manager_access</c>: owner of the project's customer or <c>PROJECT.MANAGER</c>.</summary>
    public static bool Manager(CoreCaller caller, CoreProject project) =>
        Owner(caller, project.Customer) || ProjectRole(caller, project) == "PROJECT.MANAGER";

    /// <summary><c>_has_admin_access</c> (<c>is_administrator</c>, the <c>unsafe_methods_permissions</c> of
    /// <c>structure/views.py ResourceViewSet</c>): manager access or <c>PROJECT.ADMIN</c>.</summary>
    public static bool Admin(CoreCaller caller, CoreProject project) =>
        Manager(caller, project) || ProjectRole(caller, project) == "PROJECT.ADMIN";

    /// <summary><c>PROJECT.CREATE</c> / <c>PROJECT.DELETE</c> on the customer: owners (test grants).</summary>
    public static bool CreateOrDeleteProject(CoreCaller caller, CoreCustomer customer) => Owner(caller, customer);

    /// <summary><c>PROJECT.UPDATE</c> on the project or its customer: owners and project managers (test grants).</summary>
    public static bool UpdateProject(CoreCaller caller, CoreProject project) => Manager(caller, project);

    /// <summary><c>CUSTOMER.UPDATE</c> (<c>CustomerViewSet.perform_update</c>): owners [UNVERIFIED: the role table].</summary>
    public static bool UpdateCustomer(CoreCaller caller, CoreCustomer customer) => Owner(caller, customer);

    /// <summary><c>ORDER.APPROVE</c>/<c>ORDER.REJECT</c>/<c>ORDER.CANCEL</c> on the project or its customer (consumer side):
    /// owners and project managers [UNVERIFIED: the role table].</summary>
    public static bool ConsumerApprover(CoreCaller caller, CoreProject project) => Manager(caller, project);

    /// <summary><c>ORDER.APPROVE</c>/<c>ORDER.REJECT</c> on <c>offering.customer</c>: owners of the provider's customer.</summary>
    public static bool ProviderApprover(CoreCaller caller, CoreOffering offering) => Owner(caller, offering.Customer);

    /// <summary>Ordering, terminating, switching plans, changing limits and renaming a marketplace resource
    /// (<c>RESOURCE.TERMINATE</c>, <c>RESOURCE.SWITCH_PLAN</c>, <c>RESOURCE.SET_LIMITS</c>, …): admin access
    /// [UNVERIFIED: the role table; a plain project member is refused].</summary>
    public static bool ResourceOperator(CoreCaller caller, CoreProject project) => Admin(caller, project);
}
