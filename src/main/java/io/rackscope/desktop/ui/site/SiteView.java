package io.rackscope.desktop.ui.site;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.EditForm;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A site: one card per room with its state, its counts and its floor in miniature (every rack where
 * it stands, in its state's colour, named on hover, opened by a click).
 */
public final class SiteView implements PlaceView {
    private final SiteViewModel model;
    private final BorderPane root = new BorderPane();
    private static final double GAP = 14;
    private final FlowPane cards = new FlowPane(GAP, GAP);
    private final Subscriptions subscriptions = new Subscriptions();

    public SiteView(SiteViewModel model) {
        this.model = model;
        root.getStyleClass().add("content");
        Label title = new Label(model.title());
        title.getStyleClass().add("title");
        Label where = new Label(model.where());
        where.getStyleClass().add("muted");
        HBox header = new HBox(12, title, where);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 12, 0));
        root.setTop(header);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        subscriptions.onInvalidate(model.revisionProperty(), o -> refresh());
        root.setOnContextMenuRequested(
                e -> {
                    if (model.editingProperty().get()) {
                        new ContextMenu(addRoomItem()).show(root, e.getScreenX(), e.getScreenY());
                        e.consume();
                    }
                });
        refresh();
    }

    private void refresh() {
        cards.getChildren().clear();
        for (Room room : model.rooms()) {
            cards.getChildren().add(card(room));
        }
    }

    private Node card(Room room) {
        Severity sev = model.state(room);
        Region stripe = Severities.styled(new Region(), sev, "sev-fill", "sev-stripe");
        Label name = new Label(room.name());
        name.getStyleClass().add("subtitle");
        Label badge = Severities.styled(new Label(sev.name()), sev, "sev-badge");
        HBox head = new HBox(8, name, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        RoomMiniature floor = new RoomMiniature(room, model, model::open);
        Label facts = new Label(model.facts(room));
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        VBox card = new VBox(8, stripe, head, facts, floor);
        card.setId("room-" + room.key().replace('/', '_'));
        card.getStyleClass().add("card");
        // two cards across from 900 px, one below that; the floor takes the card's width
        card.prefWidthProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () -> cardWidth(cards.getWidth()), cards.widthProperty()));
        card.widthProperty()
                .addListener(
                        (o, a, w) -> {
                            double inner = Math.max(100, w.doubleValue() - 28);
                            floor.draw(inner, floor.heightFor(inner));
                        });
        floor.draw(332, floor.heightFor(332));
        card.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        model.open(room);
                    }
                });
        HandleMenu.attach(
                card,
                e ->
                        model.editingProperty().get()
                                ? roomMenu(room)
                                : HandleMenu.of(
                                        card,
                                        model.handling(),
                                        io.rackscope.desktop.topology.Names.titled(
                                                "room", room.name()),
                                        new Target(Target.Type.ROOM, room.id()),
                                        a -> inRoom(a, room)));
        return card;
    }

    /** Edit mode, on a room's card: rename, delete, and a new room. */
    private ContextMenu roomMenu(Room room) {
        return new ContextMenu(
                EditForm.renameItem(
                        root,
                        "Rename room " + room.name() + "…",
                        room.name(),
                        name -> model.renameRoom(room, name)),
                EditForm.confirmItem(
                        root,
                        "Delete room " + room.name() + "…",
                        "Delete room "
                                + room.name()
                                + " with its "
                                + Formats.count(room.aisles().size(), "aisle")
                                + " and "
                                + Formats.count((int) room.racks().count(), "rack")
                                + "?",
                        () -> model.deleteRoom(room)),
                addRoomItem());
    }

    private MenuItem addRoomItem() {
        MenuItem add = new MenuItem("Add a room…");
        add.setOnAction(
                e ->
                        EditForm.titled("Add a room to " + model.title())
                                .text("Id", model.nextRoomId())
                                .text("Name", "")
                                .ask(root)
                                .ifPresent(v -> model.addRoom(v.get(0), v.get(1))));
        return add;
    }

    static double cardWidth(double paneWidth) {
        double w = paneWidth >= 900 ? (paneWidth - GAP) / 2 : paneWidth;
        return Math.max(360, Math.floor(w) - 2);
    }

    private boolean inRoom(Alert a, Room room) {
        return room.racks().anyMatch(r -> r.key().equals(a.rack()));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        model.dispose();
    }
}
