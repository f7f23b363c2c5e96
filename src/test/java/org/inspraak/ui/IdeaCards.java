package org.inspraak.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v23.VirtualListsKt;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataKeyMapper;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.internal.nodefeature.ReturnChannelMap;
import com.vaadin.flow.internal.nodefeature.ReturnChannelRegistration;
import org.inspraak.idea.IdeaService.IdeaSummary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/**
 * A consultation's idea cards as a browser holds them: the list is scrolled to its first rows, a card's values are
 * what the server sends for it, and a click calls the card's function through the list's return channel, as the
 * browser's template does.
 */
final class IdeaCards {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final VirtualList<IdeaSummary> list;

    @SuppressWarnings("unchecked")
    IdeaCards(int rows) {
        this.list = _get(VirtualList.class, s -> s.withClasses("idea-list"));
        list.getDataCommunicator().setViewportRange(0, rows);
        MockVaadin.clientRoundtrip(false);
    }

    VirtualList<IdeaSummary> list() {
        return list;
    }

    /** The card of an idea as drawn last: name to value, as the template reads them ({@code item.agree}). */
    Map<String, Object> values(long ideaId) {
        IdeaSummary held = held(ideaId);
        return renderer().getValueProviders().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().apply(held)));
    }

    /** The browser calling a card's function, e.g. a click on its vote button: {@code call(idea, "vote", "AGREE")}. */
    void call(long ideaId, String function, Object... args) {
        String key = keys().key(held(ideaId));
        ArrayNode message = JSON.createArrayNode();
        message.add(function);
        message.add(key);
        message.add(JSON.valueToTree(List.of(args)));
        ReturnChannelMap channels = list.getElement().getNode().getFeature(ReturnChannelMap.class);
        // The list's own first renderer had a channel too: the cards' is the last one registered.
        ReturnChannelRegistration channel = null;
        for (int id = 0; id < 10; id++) {
            if (channels.get(id) != null) {
                channel = channels.get(id);
            }
        }
        if (channel == null) {
            throw new AssertionError("the cards have no functions");
        }
        channel.invoke(message);
        MockVaadin.clientRoundtrip(false);
    }

    boolean shown(long ideaId) {
        return list.getDataCommunicator().isItemActive(item(ideaId));
    }

    private IdeaSummary held(long ideaId) {
        IdeaSummary item = item(ideaId);
        if (!list.getDataCommunicator().isItemActive(item)) {
            throw new AssertionError("the card of idea " + ideaId + " is not in view");
        }
        return keys().get(keys().key(item));
    }

    private IdeaSummary item(long ideaId) {
        return VirtualListsKt._findAll(list).stream()
                .filter(i -> i.id() == ideaId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card of idea " + ideaId));
    }

    private DataKeyMapper<IdeaSummary> keys() {
        return list.getDataCommunicator().getKeyMapper();
    }

    /** The list's renderer: VirtualList keeps it to itself. */
    @SuppressWarnings("unchecked")
    private LitRenderer<IdeaSummary> renderer() {
        try {
            var field = VirtualList.class.getDeclaredField("renderer");
            field.setAccessible(true);
            return (LitRenderer<IdeaSummary>) field.get(list);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
