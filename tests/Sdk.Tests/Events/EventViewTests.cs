using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Sdk.Tests.Events;

public sealed class EventViewTests
{
    private static EventView Load(string json)
    {
        var view = new EventView();
        view.Load(System.Text.Encoding.UTF8.GetBytes(json));
        return view;
    }

    [Fact]
    public void Dotted_keys_and_nested_objects_are_the_same_field()
    {
        var slot = FieldTable.Slot("event.view.test.dataset");
        Assert.Equal("a", Load("{\"event\":{\"view\":{\"test\":{\"dataset\":\"a\"}}}}").First(slot).Text);
        Assert.Equal("b", Load("{\"event.view.test.dataset\":\"b\"}").First(slot).Text);
        Assert.Equal("c", Load("{\"event.view\":{\"test.dataset\":\"c\"}}").First(slot).Text);
    }

    [Fact]
    public void Arrays_give_one_value_per_element_also_through_arrays_of_objects()
    {
        var tags = FieldTable.Slot("view.tags");
        var names = FieldTable.Slot("view.items.name");
        var view = Load("{\"view\":{\"tags\":[\"x\",\"y\",[\"z\"]],\"items\":[{\"name\":\"n1\"},{\"name\":\"n2\",\"other\":1}]}}");
        Assert.Equal(["x", "y", "z"], view.Values(tags).ToArray().Select(v => v.Text));
        Assert.Equal(["n1", "n2"], view.Values(names).ToArray().Select(v => v.Text));
    }

    [Fact]
    public void Numbers_booleans_null_and_objects_keep_their_kind()
    {
        var number = FieldTable.Slot("view.kind.number");
        var flag = FieldTable.Slot("view.kind.flag");
        var nothing = FieldTable.Slot("view.kind.nothing");
        var obj = FieldTable.Slot("view.kind");
        var view = Load("{\"view\":{\"kind\":{\"number\":42,\"flag\":true,\"nothing\":null}}}");
        Assert.Equal(42, view.First(number).Integer);
        Assert.True(view.First(flag).Boolean);
        Assert.False(view.Exists(nothing)); // null is absence, as in Elasticsearch
        Assert.Equal(FieldKind.Object, view.First(obj).Kind);
    }

    [Fact]
    public void A_reused_view_forgets_the_previous_event()
    {
        var slot = FieldTable.Slot("view.reuse");
        var view = Load("{\"view\":{\"reuse\":\"first\"}}");
        view.Load("{\"other\":1}"u8.ToArray());
        Assert.False(view.Exists(slot));
    }

    [Fact]
    public void Text_after_the_object_is_an_error()
        => Assert.ThrowsAny<System.Text.Json.JsonException>(() => Load("{\"a\":1} {\"b\":2}"));
}
