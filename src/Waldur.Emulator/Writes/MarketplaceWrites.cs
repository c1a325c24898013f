using System.Text;
using Waldur.Emulator.Data.Core;
using Waldur.Emulator.Waldur;
using static Waldur.Emulator.Writes.WriteAccess;

namespace Waldur.Emulator.Writes;

/// <summary>Marketplace orders and resources (<c>waldur_mastermind/marketplace/views.py OrderViewSet</c>,
/// <c>ResourceViewSet</c>, <c>serializers.py OrderCreateSerializer</c>, <c>handlers.py notify_approvers_when_order_is_created</c>).</summary>
internal sealed partial class WriteEndpoints
{
    private const string Orders = "/api/marketplace-orders/";
    private const string Resources = "/api/marketplace-resources/";

    private CoreUser Author(CoreCaller caller) => caller.User ?? Core.Users.FirstOrDefault(u => u.IsStaff) ?? Core.Users[0];

    // marketplace/utils.py order_should_not_be_reviewed_by_provider: Basic and Slurm offerings always wait for the
    // provider; Remote ones unless the reviewer owns the provider [auto_approve_remote_orders: not modelled]; the rest not.
    private static bool ProviderMustReview(CoreOffering offering, CoreCaller reviewer) => offering.Type switch
    {
        "Marketplace.Basic" or "Marketplace.Slurm" => true,
        "Marketplace.Remote" => !Owner(reviewer, offering.Customer),
        _ => false,
    };

    /// <summary><c>permissions.py order_should_not_be_reviewed_by_consumer</c>: staff; the provider's owner for a
    /// Terminate order; <c>has_project_permission(APPROVE_ORDER)</c> (owners and managers here).</summary>
    private static bool ConsumerReviewSkipped(CoreOrder order, CoreCaller author) =>
        author.IsStaff || (order.Type == "Terminate" && Owner(author, order.Offering.Customer)) || ConsumerApprover(author, order.Project);

    /// <summary><c>handlers.py notify_approvers_when_order_is_created</c> and <c>OrderViewSet.approve_by_consumer</c>:
    /// after the consumer's review, <c>pending-project</c> when the project starts later, <c>pending-provider</c> when the
    /// provider must review, otherwise <c>executing</c> (and then processed).</summary>
    private void AfterConsumerReview(CoreOrder order, CoreCaller reviewer)
    {
        order.ConsumerReviewedAt = Now;
        order.Modified = Now;
        if (order.Project.StartDate is { } start && start > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            order.State = "pending-project";
        }
        else if (ProviderMustReview(order.Offering, reviewer))
        {
            order.State = "pending-provider";
        }
        else
        {
            Execute(order);
        }
    }

    /// <summary><c>Order.set_state_executing</c> then <c>tasks.process_order</c>: the resource shows the operation
    /// (<c>Creating</c>, <c>Updating</c>, <c>Terminating</c>) while the order executes; after the provisioning delay the
    /// order is <c>done</c> and the resource <c>OK</c> (create/update, with the new plan or limits) or <c>Terminated</c>.
    /// [UNVERIFIED] Plugin processors differ (a Basic offering's order waits for the provider's <c>set_state_done</c>); the
    /// emulator completes every executing order the same way.</summary>
    private void Execute(CoreOrder order)
    {
        order.State = "executing";
        order.Modified = Now;
        var resource = order.Resource;
        resource.State = order.Type switch { "Create" => "Creating", "Terminate" => "Terminating", _ => "Updating" };
        resource.Modified = Now;
        provisioner.Later(() =>
        {
            if (order.State != "executing")
            {
                return;
            }

            order.State = "done";
            order.CompletedAt = Now;
            order.Modified = Now;
            resource.State = order.Type == "Terminate" ? "Terminated" : "OK";
            if (order.Type == "Update" && order.Plan is { } plan)
            {
                resource.Plan = plan;
            }

            if (order.Written.TryGetValue("limits", out var limits) && order.Type != "Terminate")
            {
                resource.Written["limits"] = limits;
            }

            resource.Modified = Now;
        });
    }

    private CoreOrder NewOrder(CoreResource resource, CorePlan? plan, string type, CoreCaller caller, string? limitsJson = null)
    {
        var now = Now;
        var id = Core.Orders.Count == 0 ? 1 : Core.Orders.Max(o => o.Id) + 1;
        var order = new CoreOrder(id, NewUuid("marketplace-orders", id), resource, plan, type, "pending-consumer", plan?.UnitPrice ?? 0m, Author(caller), now, now, null, null);
        if (limitsJson is not null)
        {
            order.Written["limits"] = limitsJson;
        }

        Core.Orders = [.. Core.Orders, order];
        // The order's signal handler runs on save.
        if (ConsumerReviewSkipped(order, caller))
        {
            AfterConsumerReview(order, caller);
        }

        return order;
    }

    // PublicPlanField (marketplace/fields.py; lookup_url_kwarg "plan_uuid", view "marketplace-public-offering-plan-detail"):
    // DRF's HyperlinkedRelatedField takes only that view's URL, /api/marketplace-public-offerings/{uuid}/plans/{plan_uuid}/
    // (another view's, such as /api/marketplace-plans/{uuid}/, is "Incorrect URL match"), and get_object looks the plan
    // up by plan_uuid alone: the offering segment is not checked (the serializers compare plan.offering themselves).
    private CorePlan? PlanLink(WriteRequest r, string name, bool required) => r.Body.Link(name, required,
        p => PublicPlan(p) is not null,
        p => UuidLookup.Normalize(PublicPlan(p) ?? "") is { } u ? Core.Plans.FirstOrDefault(x => x.Uuid == u) : null,
        Resolves);

    private static string? PublicPlan(string path)
    {
        var m = System.Text.RegularExpressions.Regex.Match(path, "^/api/marketplace-public-offerings/[a-f0-9]+/plans/([a-f0-9]+)/$",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// POST /api/marketplace-orders/ (<c>OrderCreateSerializer</c>): offering (a public-offering url the caller may order,
    /// <c>marketplace-public-offering-detail</c>), plan, attributes, limits, accepting_terms_of_service, callback_url,
    /// request_comment, type (choice, default Create), start_date, slug, project (visible project url) → 400; then
    /// <c>create</c>: a new resource (<c>Creating</c>, named <c>attributes.name</c>) and its order; <c>validate_order</c>:
    /// archived customer, expired project, offering not Active/Paused (400 ["Offering is not available."]), a private
    /// offering of another organization, a plan of another offering (400 {"plan": ["This plan is not available for selected
    /// offering."]}, marketplace/serializers.py OrderCreateSerializer.validate; seen on Waldur 7.0.7); the
    /// caller needs admin access to the project (403 [UNVERIFIED: <c>utils.validate_order</c>'s role check]) → 201 with
    /// the order (<c>OrderDetails</c>) in the state the created-order handler leaves it.
    /// </summary>
    private WriteResult CreateOrder(WriteRequest r)
    {
        var b = r.Body;
        var offering = b.Link("offering", true,
            p => DrfBody.DetailUuid(p, "/api/marketplace-public-offerings/") is not null,
            p => UuidLookup.Normalize(DrfBody.DetailUuid(p, "/api/marketplace-public-offerings/")!) is { } u
                ? Core.Offerings.FirstOrDefault(o => o.Uuid == u && dataset.IsVisibleTo(r.Token, "/api/marketplace-public-offerings/", o)) : null,
            Resolves);
        var plan = PlanLink(r, "plan", false);
        var attributes = b.Object("attributes");
        var limits = b.IntDict("limits", false, null);
        b.Bool("accepting_terms_of_service");
        b.Char("callback_url", maxLength: 200, allowNull: true);
        var comment = b.Char("request_comment", maxLength: 255, allowNull: true);
        var type = b.Choice("type", CoreOrder.Types) ?? "Create";
        b.Date("start_date", allowNull: true, out _);
        b.Slug("slug");
        var project = ProjectLink(r, "project");
        if (b.HasErrors)
        {
            return Invalid(b);
        }

        if (CustomerUsable(project!.Customer) is { } blocked)
        {
            return blocked;
        }

        if (type != "Terminate" && ProjectNotExpired(project) is { } expired)
        {
            return expired;
        }

        if (type != "Terminate" && offering!.State is not ("Active" or "Paused"))
        {
            return WriteResult.List("Offering is not available.");
        }

        if (!offering!.Shared && offering.Customer != project.Customer)
        {
            return WriteResult.List($"Offering \"{offering.Name}\" is not allowed in organization \"{project.Customer.Name}\".");
        }

        if (plan is not null && plan.Offering != offering)
        {
            b.Error("plan", "This plan is not available for selected offering.");
            return Invalid(b);
        }

        if (!ResourceOperator(r.Caller, project))
        {
            return WriteResult.Forbidden;
        }

        var name = "";
        if (attributes is not null && System.Text.Json.JsonDocument.Parse(attributes).RootElement.TryGetProperty("name", out var n)
            && n.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            name = n.GetString()!;
        }

        var now = Now;
        var resourceId = Core.Resources.Count == 0 ? 1 : Core.Resources.Max(x => x.Id) + 1;
        var resource = new CoreResource(resourceId, NewUuid("marketplace-resources", resourceId), name, Slugify(name), "", project, offering, plan, "Creating", "", "", null, false, false, false, now, now);
        var limitsJson = limits is null ? "{}" : LimitsJson(limits);
        resource.Written["limits"] = limitsJson;
        resource.Written["attributes"] = attributes ?? "{}";
        Core.Resources = [.. Core.Resources, resource];
        var order = NewOrder(resource, plan, type, r.Caller, limitsJson);
        order.Written["attributes"] = attributes ?? "{}";
        if (comment is not null)
        {
            order.Written["request_comment"] = DrfBody.JsonString(comment);
        }

        return new WriteResult(201, Json(order, r.BaseUrl), r.BaseUrl + Orders + order.Uuid + "/");
    }

    private static string LimitsJson(SortedDictionary<string, long> limits) =>
        "{" + string.Join(",", limits.Select(l => DrfBody.JsonString(l.Key) + ":" + l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "}";

    /// <summary>
    /// POST /api/marketplace-orders/{uuid}/&lt;action&gt;/ (<c>OrderViewSet</c>): 404 outside the caller's orders →
    /// the action's permissions (403) → its validators (400 archived customer / expired project; 409 "Valid states for
    /// operation: pending-consumer.") → the transition. approve_by_consumer and approve_by_provider, reject_by_consumer
    /// and reject_by_provider answer 200 with no body (<c>Response(status=HTTP_200_OK)</c>; the 8.0.5 spec's
    /// <c>OrderInfoResponse</c> is not what the code sends); cancel answers 202 with no body after
    /// <c>OfferingTypeValidator(Basic, Support)</c> (405 "The order's offering with X type does not support this action").
    /// </summary>
    private WriteResult OrderAction(WriteRequest r, string uuid, string action)
    {
        var order = Find(Core.Orders, uuid, r.Token, Orders, o => o.Uuid);
        if (order is null)
        {
            return NotFound("Order");
        }

        var c = r.Caller;
        var customer = order.Project.Customer;
        switch (action)
        {
            case "approve_by_consumer":
                // permission_factory(APPROVE_ORDER, ["project", "project.customer"]).
                if (!ConsumerApprover(c, order.Project))
                {
                    return WriteResult.Forbidden;
                }

                if ((CustomerUsable(customer) ?? ProjectNotExpired(order.Project) ?? States(order.State, "pending-consumer")) is { } bad)
                {
                    return bad;
                }

                AfterConsumerReview(order, c);
                return new WriteResult(200, null);
            case "approve_by_provider":
                // permission_factory(APPROVE_ORDER, ["offering.customer"]).
                if (!ProviderApprover(c, order.Offering))
                {
                    return WriteResult.Forbidden;
                }

                if ((CustomerUsable(customer) ?? ProjectNotExpired(order.Project) ?? States(order.State, "pending-provider")) is { } bad2)
                {
                    return bad2;
                }

                order.Written["provider_reviewed_at"] = DrfBody.JsonString(ResourceJson.FormatDateTime(Now));
                Execute(order);
                return new WriteResult(200, null);
            case "reject_by_consumer":
                // permissions.py user_can_reject_order_as_consumer: the order's author, or REJECT_ORDER on the project.
                if (order.CreatedBy != c.User && !ConsumerApprover(c, order.Project))
                {
                    return WriteResult.Forbidden;
                }

                if ((CustomerUsable(customer) ?? States(order.State, "pending-consumer")) is { } bad3)
                {
                    return bad3;
                }

                Reject(order, r.Body, "consumer_rejection_comment");
                return r.Body.HasErrors ? Invalid(r.Body) : new WriteResult(200, null);
            case "reject_by_provider":
                if (!ProviderApprover(c, order.Offering))
                {
                    return WriteResult.Forbidden;
                }

                if ((CustomerUsable(customer) ?? States(order.State, "pending-provider")) is { } bad4)
                {
                    return bad4;
                }

                Reject(order, r.Body, "provider_rejection_comment");
                return r.Body.HasErrors ? Invalid(r.Body) : new WriteResult(200, null);
            default:
                // cancel: permission_factory(CANCEL_ORDER, ["project", "project.customer"]).
                if (!ConsumerApprover(c, order.Project))
                {
                    return WriteResult.Forbidden;
                }

                if (States(order.State, "pending-consumer", "pending-provider", "executing") is { } bad5)
                {
                    return bad5;
                }

                if (order.Offering.Type is not ("Marketplace.Basic" or "Marketplace.Support"))
                {
                    return WriteResult.Detail(405, $"The order's offering with {order.Offering.Type} type does not support this action");
                }

                order.State = "canceled";
                order.Modified = Now;
                return new WriteResult(202, null);
        }
    }

    // Order.reject(): the order is rejected; a rejected Create order leaves its resource Terminated [UNVERIFIED: the
    // signal that does it was not read]. The comment is kept as written.
    private static void Reject(CoreOrder order, DrfBody body, string commentKey)
    {
        var comment = body.Char(commentKey, trim: false);
        if (body.HasErrors)
        {
            return;
        }

        order.State = "rejected";
        order.Modified = Now;
        if (comment is not null)
        {
            order.Written[commentKey] = DrfBody.JsonString(comment);
        }

        if (order.Type == "Create")
        {
            order.Resource.State = "Terminated";
        }
    }

    /// <summary>PUT/PATCH /api/marketplace-resources/{uuid}/ (<c>BaseResourceViewSet</c> with
    /// <c>ResourceUpdateSerializer</c>: name ≤ 150 (required for PUT), description ≤ 4096, end_date (nullable date)):
    /// 404 → 403 (admin access [UNVERIFIED]) → 400 → 200 <c>{"name", "description", "end_date"}</c>.</summary>
    private WriteResult UpdateResource(WriteRequest r, string uuid)
    {
        var resource = Find(Core.Resources, uuid, r.Token, Resources, x => x.Uuid);
        if (resource is null)
        {
            return NotFound("Resource");
        }

        if (!ResourceOperator(r.Caller, resource.Project))
        {
            return WriteResult.Forbidden;
        }

        var b = r.Body;
        var name = b.Char("name", required: true, maxLength: 150, allowBlank: false);
        var description = b.Char("description", maxLength: 4096);
        var end = b.Date("end_date", allowNull: true, out var endNull);
        if (b.HasErrors)
        {
            return Invalid(b);
        }

        resource.Name = name ?? resource.Name;
        resource.Description = description ?? resource.Description;
        resource.EndDate = endNull ? null : end ?? resource.EndDate;
        resource.Modified = Now;
        var json = new StringBuilder("{\"name\":").AppendString(resource.Name).Append(",\"description\":").AppendString(resource.Description)
            .Append(",\"end_date\":").Append(resource.EndDate is { } d ? DrfBody.JsonString(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : "null").Append('}');
        return new WriteResult(200, json.ToString());
    }

    /// <summary>
    /// POST /api/marketplace-resources/{uuid}/terminate/, switch_plan/, update_limits/ (<c>ResourceViewSet</c>): 404 → 403
    /// (<c>user_can_terminate_resource</c>, <c>SWITCH_RESOURCE_PLAN</c>, <c>UPDATE_RESOURCE_LIMITS</c>: admin access here
    /// [UNVERIFIED]) → validators (terminate: 409 "Valid states for operation: OK, Erred."; the others: "… OK.") → the
    /// serializer (switch_plan: plan required, of the resource's offering, else {"plan": ["Plan is not available for this
    /// offering."]}; update_limits: limits required, integers ≥ 0, and not the current ones, else ["Impossible to create
    /// update orders with limits set to exactly the same."]) → <c>create_resource_order</c> (<c>validate_order</c>: ["Pending
    /// order for resource already exists."]) → 200 <c>{"order_uuid": "…"}</c>.
    /// </summary>
    private WriteResult ResourceAction(WriteRequest r, string uuid, string action)
    {
        var resource = Find(Core.Resources, uuid, r.Token, Resources, x => x.Uuid);
        if (resource is null)
        {
            return NotFound("Resource");
        }

        if (!ResourceOperator(r.Caller, resource.Project))
        {
            return WriteResult.Forbidden;
        }

        var invalidState = action == "terminate" ? States(resource.State, "OK", "Erred") : States(resource.State, "OK");
        if (invalidState is not null)
        {
            return invalidState;
        }

        var b = r.Body;
        CorePlan? plan = resource.Plan;
        string type;
        string? limitsJson = null;
        switch (action)
        {
            case "terminate":
                b.Object("attributes");
                type = "Terminate";
                break;
            case "switch_plan":
                plan = PlanLink(r, "plan", true);
                if (!b.HasErrors && plan!.Offering != resource.Offering)
                {
                    b.Error("plan", "Plan is not available for this offering.");
                }

                type = "Update";
                break;
            default:
                var limits = b.IntDict("limits", true, 0);
                b.Char("request_comment", maxLength: 255, allowNull: true);
                if (!b.HasErrors)
                {
                    limitsJson = LimitsJson(limits!);
                    if (limitsJson == (resource.Written.TryGetValue("limits", out var current) ? Canonical(current) : "{}"))
                    {
                        return WriteResult.List("Impossible to create update orders with limits set to exactly the same.");
                    }
                }

                type = "Update";
                break;
        }

        if (b.HasErrors)
        {
            return Invalid(b);
        }

        if (CustomerUsable(resource.Project.Customer) is { } blocked)
        {
            return blocked;
        }

        if (Core.Orders.Any(o => o.Resource == resource && o.State is "pending-consumer" or "pending-provider" or "executing"))
        {
            return WriteResult.List("Pending order for resource already exists.");
        }

        var order = NewOrder(resource, plan, type, r.Caller, limitsJson);

        return new WriteResult(200, "{\"order_uuid\":\"" + order.Uuid + "\"}");
    }

    private static string Canonical(string limitsJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(limitsJson);
        var sorted = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in document.RootElement.EnumerateObject())
        {
            sorted[p.Name] = p.Value.TryGetInt64(out var v) ? v : 0;
        }

        return LimitsJson(sorted);
    }
}
